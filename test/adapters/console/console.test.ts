import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../../adapters/console/console.js';
import { loadConfig } from '../../../src/config.js';
import { DEMO_SCRIPT, demoVotes, runDemo } from '../../../src/demo.js';
import { buildTeller, type Teller } from '../../../src/main.js';

const config = loadConfig({ TELLER_DATA_DIR: '/nonexistent-teller-test' });

describe('the local console', () => {
  let teller: Teller | undefined;
  afterEach(async () => teller?.close());

  async function session() {
    teller = await buildTeller(
      config,
      { info: () => undefined, error: () => undefined },
      { databaseUrl: ':memory:', secret: 'console-test-secret-0123456789' },
    );
    const out: string[] = [];
    const s = new ConsoleSession(teller.core, {
      delivery: teller.delivery,
      member: 'olga',
      write: (t) => out.push(t),
    });
    return { s, out };
  }

  it('labels replies, DMs and channel posts and switches member with /as', async () => {
    const { s, out } = await session();
    await s.handleLine('/election create "Club AGM"');
    expect(out.at(-1)).toMatch(/^\[only you, @olga\]\nElection 1 "Club AGM" created/);
    await s.handleLine('/as alice');
    expect(s.member).toBe('alice');
    const denied = await s.handleLine('/election contest add 1 Chair 1 plurality');
    expect(denied).toBe(true);
    expect(out.at(-1)).toContain("Only the election's organisers");
    await s.handleLine('hello');
    expect(out.at(-1)).toContain('Commands start with /election');
    expect(await s.handleLine('/quit')).toBe(false);
  });

  it('drives a whole election, printing each ballot DM and the results post', async () => {
    const { s, out } = await session();
    for (const [member, line] of [...DEMO_SCRIPT, ...demoVotes()]) {
      s.member = member;
      await s.handleLine(line);
    }
    const text = out.join('\n');
    expect(text).toContain('[DM to @amy]\n== Your ballot: Branch committee 2026 ==');
    expect(text).toContain('[Vote] → /election vote 1');
    expect(text).toContain(
      '[DM to @quin]\nYour nomination 6 in "Branch committee 2026" was rejected. Reason: not a paid-up member on the closing date',
    );
    expect(text).toMatch(/\[#general, updated\]\nFinal turnout: 20 of 22/);
    expect(text).toContain('[#general]\n== Results: Branch committee 2026 ==');
    expect(text).not.toContain('Something went wrong');
  });

  it('shows a ballot with the candidates and how to cast it', async () => {
    const { s, out } = await session();
    for (const [member, line] of DEMO_SCRIPT) {
      s.member = member;
      await s.handleLine(line);
    }
    s.member = 'amy';
    await s.handleLine('/vote 1 Secretary');
    const ballot = out.at(-1)!;
    expect(ballot).toContain('Mark up to 1 candidate(s).');
    expect(ballot).toMatch(/1\. amy — Ten years as a rep/);
    expect(ballot).toMatch(/2\. eli/);
    expect(ballot).toContain('→ /election cast 1 1');
    // a template, never a line in this voter's shuffled order that pasting back would cast
    expect(ballot).toMatch(/→ \/election cast 1 1 N$/m);
    expect(ballot).not.toMatch(/cast 1 1 \d/);
  });
});

describe('npm run demo', () => {
  it('prints an announcement with turnout, per-candidate votes and the elected', async () => {
    const lines: string[] = [];
    const code = await runDemo(config, (t) => lines.push(t));
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('== Results: Branch committee 2026 ==');
    expect(text).toContain('Secretary — Turnout: eligible 22, ballots issued 22, cast 20 (90.9%)');
    expect(text).toMatch(/amy: 11 ✓/);
    expect(text).toMatch(/eli: 8/);
    expect(text).toMatch(/Elected: hana, kai, nia/);
    expect(text).toContain('Count confirmed by @sam.');
  });

  it('speaks TELLER_LOCALE', async () => {
    const lines: string[] = [];
    const code = await runDemo({ ...config, consoleLocale: 'zh-Hans' }, (t) => lines.push(t));
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('== 选举结果：Branch committee 2026 ==');
    expect(text).toMatch(/当选: hana, kai, nia/);
    expect(text).not.toContain('Turnout');
  });
});
