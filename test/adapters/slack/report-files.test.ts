// The summary report's files on Slack (issue 14): a slash command's reply cannot carry a file, so the
// adapter uploads it (files.getUploadURLExternal, the bytes, files.completeUploadExternal) into the
// member's DM with Teller, and the reply says so. The real core, the real Bolt app, the fake Slack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcedIrv } from '../../core/report-scenario.js';
import { pdfText } from '../../fakes/pdf-text.js';
import { waitFor } from './harness.js';
import { type SlackReal, startSlackReal, uid } from './real-core.js';

describe('report files on Slack', () => {
  let s: SlackReal;
  beforeEach(async () => {
    s = await startSlackReal();
    // the election set up through the core as Slack members would type it (ids as Slack gives them)
    await announcedIrv({
      ok: async (member, text) => {
        const r = await s.core.dispatch({
          platform: 'slack',
          platformOrgId: 'T1',
          actor: { memberId: uid(member), displayName: member[0].toUpperCase() + member.slice(1) },
          channelId: 'C1',
          command: '',
          args: { text: text.replace(/@([a-z]+)/g, (_, n: string) => `<@${uid(n)}>`) },
        });
        if (r.kind !== 'ok') throw new Error(`${text}: ${r.reply.body.text}`);
      },
    });
  });
  afterEach(() => s.stop());

  it('shares the PDF into the member’s DM, with the figures in it', async () => {
    const ack = await s.type('olga', 'result report 1 format=pdf');
    expect(ack?.text).toContain('The report is attached: election-1-report.pdf');
    expect(ack?.text).toContain('The file is in your direct messages with Teller.');
    await waitFor(() => s.fake.callsOf('files.completeUploadExternal').length > 0, 10_000);
    const [asked] = s.fake.callsOf('files.getUploadURLExternal');
    expect(asked.params).toMatchObject({ filename: 'election-1-report.pdf' });
    const [shared] = s.fake.callsOf('files.completeUploadExternal');
    // shared into olga's own DM with Teller, nowhere else
    expect(shared.params.channel_id).toBe(`D${uid('olga')}`);
    const files = shared.params.files as { id: string; title: string }[];
    expect(files.map((f) => f.title)).toEqual(['election-1-report.pdf']);
    const bytes = s.fake.uploads.get(files[0].id)!;
    expect(Number(asked.params.length)).toBe(bytes.length);
    const { text } = await pdfText(new Uint8Array(bytes));
    // first preferences 4, 3, 2; after Carol's two ballots 5, 4 (worked out in report-scenario.ts)
    expect(text).toContain('Alice 4 5 elected');
    expect(text).toContain('1 Secretary 10 10 9 9 90%');
    expect(s.errors).toEqual([]);
  });

  it('shares Markdown as a file, and posts the message format as blocks with no file', async () => {
    await s.type('olga', 'result report 1 format=markdown');
    await waitFor(() => s.fake.callsOf('files.completeUploadExternal').length > 0, 10_000);
    const [shared] = s.fake.callsOf('files.completeUploadExternal');
    const file = (shared.params.files as { id: string }[])[0];
    const md = s.fake.uploads.get(file.id)!.toString('utf8');
    expect(md).toContain('| Alice | 4 | 5 | elected |');
    const message = await s.type('olga', 'result report 1');
    expect(JSON.stringify(message?.blocks)).toContain('Round 1, Secretary: 9 of 10 voted (90%)');
    expect(message?.text).not.toContain('direct messages');
    expect(s.fake.callsOf('files.completeUploadExternal')).toHaveLength(1);
  });
});
