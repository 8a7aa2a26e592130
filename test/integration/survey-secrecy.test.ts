// ARCHITECTURE §2 for the feedback survey (issue 14), on real storage: members answer through the
// registry, the survey closes at certification, and nothing in any table links a member to an answer.
// On PostgreSQL also the join an operator would try first: the transaction id (xmin) that wrote a row.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type TellerCore } from '../../src/core/index.js';
import type { Database } from '../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { openTestDatabase, testDatabases, type Opened } from '../storage/databases.js';

const VOTERS = ['ann', 'bo', 'cy', 'di', 'ed', 'flo'];
/** member, satisfaction, ease, comment: each comment unique, so it can be searched for */
const ANSWERS: [string, number, number, string][] = [
  ['ann', 5, 4, 'comment-of-the-first'],
  ['cy', 2, 3, 'comment-of-the-second'],
  ['di', 4, 5, 'comment-of-the-third'],
  ['flo', 3, 3, 'comment-of-the-fourth'],
];

async function tablesOf(database: Database): Promise<string[]> {
  const q =
    database.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
  return (await q.execute(database.db)).rows.map((r) => r.name);
}

async function allRows(database: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of await tablesOf(database))
    out[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db)).rows;
  return out;
}

function typer(core: TellerCore) {
  return async (member: string, text: string) => {
    const r = await core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: member, displayName: member },
      channelId: 'general',
      command: '',
      args: { text },
    });
    if (r.kind !== 'ok') throw new Error(`${member}: ${text} -> ${r.kind} ${r.reply.body.text}`);
  };
}

describe.each(testDatabases)('the survey’s secrecy on $label', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.dispose());

  it('leaves nothing that links a member to an answer after the close', async () => {
    opened = await openTestDatabase(target);
    const { database } = opened;
    const core = createCore({
      store: createStore(database),
      delivery: createDeliveryQueue(database),
      platformState: createPlatformState(database),
      clock: { now: () => new Date() },
      serverSecret: 'survey-secrecy-test-secret',
      logger: { info: () => undefined, error: (m, meta) => console.error(m, meta) },
    });
    const type = typer(core);
    await type('olga', 'create "Survey test"');
    await type('olga', 'configure 1 survey=yes');
    await type('olga', 'contest add 1 Chair 1 plurality');
    await type('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await type('olga', 'nominations open 1');
    await type('ann', 'nominate 1 Chair');
    await type('bo', 'second 1 1');
    await type('bo', 'nominate 1 Chair');
    await type('cy', 'second 1 2');
    await type('olga', 'nominations close 1');
    await type('olga', 'review approve 1 1');
    await type('olga', 'review approve 1 2');
    await type('olga', 'candidates publish 1');
    await type('olga', 'voting open 1');
    for (const [i, v] of VOTERS.entries()) await type(v, `cast 1 1 ${i % 3 === 1 ? 2 : 1}`);
    await type('olga', 'voting close 1');
    await type('olga', 'count 1');
    await type('olga', 'announce 1');
    for (const [m, s, e, c] of ANSWERS) await type(m, `survey 1 ${s} ${e} ${c}`);

    // while open: ciphertext under random ids, and not one comment anywhere in the clear
    const open = await allRows(database);
    expect(open.survey_sealed).toHaveLength(ANSWERS.length);
    expect(open.survey_sealed.every((r) => /^v1\./.test(String(r.sealed)))).toBe(true);
    expect(open.survey_answers).toEqual([]);
    const openText = JSON.stringify(open);
    expect(ANSWERS.filter(([, , , c]) => openText.includes(c))).toEqual([]);
    const sealedIds = open.survey_sealed.map((r) => String(r.id));

    await type('olga', 'certify 1 override="the members agreed"');
    const after = await allRows(database);
    expect(after.survey_sealed).toEqual([]);
    expect(after.survey_secrets).toEqual([]);
    // an answer row: its random id, the election, the answer; no member, no time
    expect(after.survey_answers).toHaveLength(ANSWERS.length);
    expect(Object.keys(after.survey_answers[0]).sort()).toEqual([
      'comment',
      'ease',
      'election_id',
      'id',
      'satisfaction',
    ]);
    // a respondent row: the election and the member; no answer, no id, no time
    expect(Object.keys(after.survey_respondents[0]).sort()).toEqual(['election_id', 'member_id']);
    expect(after.survey_respondents.map((r) => r.member_id).sort()).toEqual(ANSWERS.map(([m]) => m).sort());
    // the answers are all there, as given
    expect(after.survey_answers.map((r) => `${r.satisfaction}/${r.ease}/${r.comment}`).sort()).toEqual(
      ANSWERS.map(([, s, e, c]) => `${s}/${e}/${c}`).sort(),
    );
    // fresh ids at the close: none is a sealed row's
    const ids = after.survey_answers.map((r) => String(r.id));
    expect(ids.filter((id) => sealedIds.includes(id))).toEqual([]);
    // no other table holds an answer's id or a comment
    const others = JSON.stringify(
      Object.fromEntries(Object.entries(after).filter(([t]) => t !== 'survey_answers')),
    );
    expect(ids.filter((id) => others.includes(id))).toEqual([]);
    expect(ANSWERS.filter(([, , , c]) => others.includes(c))).toEqual([]);
    // no member id appears in the answers
    const answersText = JSON.stringify(after.survey_answers);
    expect(VOTERS.filter((v) => answersText.includes(`"${v}"`))).toEqual([]);

    if (database.dialect === 'sqlite') {
      // WITHOUT ROWID: the table's own order is its ids', not the order the members answered in
      const physical = (
        await sql<{ id: string }>`select id from survey_answers`.execute(database.db)
      ).rows.map((r) => r.id);
      expect(physical).toEqual([...ids].sort());
    } else {
      // every answer was written by the close's one transaction, which wrote no respondent: the xmin
      // join finds no member for any answer
      const xmins = async (table: string) =>
        (
          await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)}`.execute(database.db)
        ).rows.map((r) => r.x);
      const answerXmins = new Set(await xmins('survey_answers'));
      expect(answerXmins.size).toBe(1);
      const respondentXmins = await xmins('survey_respondents');
      expect(respondentXmins.filter((x) => answerXmins.has(x))).toEqual([]);
      const joined = await sql<{ member_id: string }>`
        select r.member_id from survey_respondents r join survey_answers a on a.xmin = r.xmin`.execute(
        database.db,
      );
      expect(joined.rows).toEqual([]);
    }
  });
});
