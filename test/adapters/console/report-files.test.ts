// The summary report's files in the console (issue 14): a terminal shows no file, so each is written
// into the data directory and its path printed; the PDF printed from the report's document.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../../adapters/console/console.js';
import { loadConfig } from '../../../src/config.js';
import { buildTeller, createConsoleSession, type Teller } from '../../../src/main.js';
import { announcedIrv } from '../../core/report-scenario.js';
import { pdfText } from '../../fakes/pdf-text.js';

describe('report files in the console', () => {
  let teller: Teller | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await teller?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes each file into the data directory and prints its path', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teller-console-files-'));
    const config = loadConfig({ TELLER_DATA_DIR: dir, TELLER_CONSOLE_MEMBER: 'olga' });
    teller = await buildTeller(
      config,
      { info: () => undefined, error: () => undefined },
      { databaseUrl: ':memory:', secret: 'console-test-secret-0123456789' },
    );
    const out: string[] = [];
    const s = createConsoleSession(teller, config, (t) => out.push(t));
    await announcedIrv({
      ok: async (member, text) => {
        s.member = member;
        await s.handleLine(`/election ${text}`);
        if (s.lastResult?.kind !== 'ok') throw new Error(`${text}: ${s.lastResult?.reply.body.text}`);
      },
    });
    s.member = 'olga';
    await s.handleLine('/election result report 1 format=pdf');
    const pdfPath = join(dir, 'files', 'election-1-report.pdf');
    expect(out).toContain(`File: ${pdfPath}`);
    const { text } = await pdfText(new Uint8Array(readFileSync(pdfPath)));
    // first preferences 4, 3, 2; after Carol's two ballots 5, 4 (worked out in report-scenario.ts); the
    // console knows its members by the names typed
    expect(text).toContain('alice 4 5 elected');
    expect(text).toContain('From carol: alice +1, bob +1.');
    await s.handleLine('/election result report 1 format=markdown');
    expect(readFileSync(join(dir, 'files', 'election-1-report.md'), 'utf8')).toContain('| bob | 3 | 4 |  |');
  });

  it('names a file it has nowhere to write', async () => {
    const s = new ConsoleSession({ commands: [] } as never, {
      delivery: {} as never,
      member: 'olga',
      write: () => undefined,
    });
    expect(await s.saveFiles([{ name: 'x.md', mime: 'text/markdown', data: '# x' }])).toEqual([
      '(file: x.md, not saved: no data directory)',
    ]);
  });
});
