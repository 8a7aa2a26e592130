// The summary report's files on Discord (issue 14): attached to the interaction's reply, which only the
// member sees, a PDF printed from the report's document. The real core, the real discord.js adapter,
// the fake Discord.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcedIrv } from '../../core/report-scenario.js';
import type { FakeMessage } from '../../fakes/discord/fake-discord.js';
import { pdfText } from '../../fakes/pdf-text.js';
import { EPHEMERAL } from '../../../adapters/discord/render/message.js';
import { type RealCore, startRealCore } from './real-core.js';

async function attached(
  rc: RealCore,
  name: string,
): Promise<{ file: FakeMessage['attachments'][number]; flags?: number }> {
  for (let i = 0; i < 200; i++) {
    for (const c of rc.discord.callbacks) {
      const file = c.attachments.find((a) => a.filename === name);
      if (file) return { file, flags: c.data?.flags };
    }
    for (const m of rc.discord.messages.values()) {
      const file = m.attachments.find((a) => a.filename === name);
      if (file) return { file, flags: (m as { flags?: number }).flags };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no attachment ${name}`);
}

describe('report files on Discord', () => {
  let rc: RealCore;
  beforeEach(async () => {
    rc = await startRealCore();
    await announcedIrv({
      ok: async (member, text) => {
        const r = await rc.type(member, text, member === 'olga');
        if (r.kind !== 'ok') throw new Error(`${text}: ${r.reply.body.text}`);
      },
    });
  });
  afterEach(() => rc.stop());

  it('attaches the PDF to the reply, with the figures in it', async () => {
    const cb = await rc.driver.run('olga', 'report.show', { election: 1, format: 'pdf' });
    expect(cb.problems).toBeUndefined();
    const { file } = await attached(rc, 'election-1-report.pdf');
    expect(file.contentType).toBe('application/pdf');
    const { text } = await pdfText(new Uint8Array(file.data!));
    // first preferences 4, 3, 2; after Carol's two ballots 5, 4 (worked out in report-scenario.ts)
    expect(text).toContain('Alice 4 5 elected');
    expect(text).toContain('From Carol: Alice +1, Bob +1.');
    expect(rc.errors).toEqual([]);
  });

  it('attaches JSON and Markdown as they are, only for the member who asked', async () => {
    const cb = await rc.driver.run('olga', 'report.show', { election: 1, format: 'json' });
    expect((cb.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const { file } = await attached(rc, 'election-1-report.json');
    const data = JSON.parse(file.data!.toString('utf8'));
    expect(data.rounds[0].contests[0].rounds.map((r: { counts: number[] }) => r.counts)).toEqual([
      [4, 3, 2],
      [5, 4, 0],
    ]);
    await rc.driver.run('olga', 'report.show', { election: 1, format: 'markdown' });
    const md = (await attached(rc, 'election-1-report.md')).file.data!.toString('utf8');
    expect(md).toContain('| Alice | 4 | 5 | elected |');
  });

  it('takes a survey answer through /survey, a command of its own', async () => {
    const cb = await rc.driver.run('alice', 'report.survey', {
      election: 1,
      satisfaction: 4,
      ease: 5,
      comment: 'good',
    });
    expect(JSON.stringify(cb.data)).toContain('your answer to the survey of election 1 is in');
    // the answer is never echoed back
    expect(JSON.stringify(cb.data)).not.toContain('good');
    const again = await rc.driver.run('alice', 'report.survey', { election: 1, satisfaction: 1, ease: 1 });
    expect(JSON.stringify(again.data)).toContain('You have already answered');
  });
});
