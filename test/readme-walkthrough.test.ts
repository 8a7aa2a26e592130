// The README's first-election walkthrough is a script a newcomer types line by line: it must run as
// written, every command accepted, and end with the result it implies.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../adapters/console/console.js';
import { loadConfig } from '../src/config.js';
import { buildTeller, type Teller } from '../src/main.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function walkthrough(): string[] {
  const section = readme.split('### Your first election, step by step')[1] ?? '';
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/\s+→.*$/, '').trim())
    .filter(Boolean);
}

describe('README walkthrough', () => {
  let teller: Teller | undefined;
  afterEach(async () => teller?.close());

  it('runs as written in the console, every command accepted, and elects the candidate voted for', async () => {
    const lines = walkthrough();
    expect(lines.length).toBeGreaterThan(20);
    const config = loadConfig({ TELLER_DATA_DIR: '/nonexistent-teller-test' });
    teller = await buildTeller(
      config,
      { info: () => undefined, error: () => undefined },
      { databaseUrl: ':memory:', secret: 'walkthrough-secret-0123456789' },
    );
    const out: string[] = [];
    const s = new ConsoleSession(teller.core, {
      delivery: teller.delivery,
      member: 'nobody',
      write: (t) => out.push(t),
    });
    const refused: string[] = [];
    for (const line of lines) {
      s.lastResult = undefined;
      await s.handleLine(line);
      if (line.startsWith('/as') || line.startsWith('/lang')) continue;
      const result = s.lastResult as { kind: string } | undefined;
      if (result?.kind !== 'ok') refused.push(`${s.member}: ${line} → ${out.at(-1)}`);
    }
    expect(refused).toEqual([]);
    const results = out.filter(
      (o) => o.startsWith('[#') && o.includes('== Results: Branch committee 2026 =='),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatch(/Elected: chen/);
  });
});
