// The end of retention on every store (issue 14): after the purge, no table holds a voter, a nominator, a
// seconder or a paper voter of the election, and no organisation member nothing refers to; the
// results, the retained records and the candidates stay. Read the way an auditor would: every row of
// every table.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/kit/store.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { T0, makeMessage, seed } from './fixtures.js';

const PEOPLE = [
  'voter-ann',
  'nominator-bo',
  'seconder-cy',
  'mailer-di',
  'objector-fy',
  'appellant-gu',
  'surveyed-hu',
  'commented-ik',
];

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe.each(storeTargets)('retention purge on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  /** every value of every row of every table (or the memory store's whole state) */
  async function everything(): Promise<string[]> {
    if (opened.memory) return strings(opened.memory.state);
    const db = opened.database!;
    const tables = (await db.db.introspection.getTables()).filter(
      (t) => db.schema === undefined || t.schema === db.schema,
    );
    const out: string[] = [];
    for (const t of tables) {
      const rows =
        await sql`select * from ${sql.table(db.schema ? `${db.schema}.${t.name}` : t.name)}`.execute(db.db);
      strings(rows.rows, out);
    }
    return out;
  }

  it('leaves nobody of the election in any table, and keeps the result and the candidate', async () => {
    const { org, election, contests } = await seed(store, 1);
    const e = election.id;
    const c = contests[0]!.id;
    await store.transaction(async (tx) => {
      for (const m of [...PEOPLE.slice(0, 4), 'candidate-ed'])
        await tx.members.upsert({
          orgId: org.id,
          memberId: m,
          displayName: `${m} name`,
          locale: null,
          updatedAt: T0,
        });
      await tx.roll.upsert({
        electionId: e,
        memberId: 'voter-ann',
        weight: 1,
        status: 'eligible',
        reason: null,
        addedBy: 'o',
        addedAt: T0,
      });
      await tx.nominations.insert({
        id: `${e}-n1`,
        electionId: e,
        contestId: c,
        number: 1,
        nominee: 'candidate-ed',
        nominator: 'nominator-bo',
        statement: null,
        status: 'approved',
        reason: null,
        candidateNumber: 1,
        createdAt: T0,
        updatedAt: T0,
      });
      await tx.nominations.addSeconder({ nominationId: `${e}-n1`, memberId: 'seconder-cy', at: T0 });
      await tx.participation.add({ electionId: e, contestId: c, memberId: 'voter-ann' });
      await tx.paper.putVoter({
        electionId: e,
        memberId: 'mailer-di',
        channel: 'mail',
        markedBy: 'mailer-di',
        markedAt: T0,
      });
      await tx.outbox.enqueue(
        makeMessage(org, { electionId: e, destination: { kind: 'dm', memberId: 'voter-ann' } }),
      );
      await tx.objections.insert({
        id: `${e}-o1`,
        electionId: e,
        number: 1,
        period: 'result',
        contestId: c,
        memberId: null,
        about: 'Chair',
        grounds: 'the box was opened early',
        evidence: null,
        objector: 'objector-fy',
        named: false,
        filedAt: T0,
        dueAt: T0,
        investigator: null,
        assignedAt: null,
        findings: [],
        outcome: null,
        reason: null,
        decidedBy: null,
        decidedAt: null,
        effect: null,
      });
      await tx.objections.insertAppeal({
        objectionId: `${e}-o1`,
        electionId: e,
        appellant: 'appellant-gu',
        grounds: 'not heard',
        filedAt: T0,
        outcome: null,
        reason: null,
        decidedBy: null,
        decidedAt: null,
        effect: null,
        notUndone: null,
      });
      await tx.surveys.addRespondent(e, 'surveyed-hu');
      await tx.surveys.addAnswers([
        {
          id: `${e}-a1`,
          electionId: e,
          satisfaction: 4,
          ease: 5,
          comment: 'commented-ik was rude at the box',
        },
      ]);
      await tx.archive.putRecord({
        electionId: e,
        kind: 'results.json',
        content: '{"elected":["candidate-ed name"]}',
        createdAt: T0,
      });
    });
    const before = await everything();
    for (const p of PEOPLE)
      expect(
        before.some((s) => s.includes(p)),
        p,
      ).toBe(true);

    await store.transaction((tx) => tx.archive.purgePersonal(e, org.id));

    const after = await everything();
    for (const p of PEOPLE)
      expect(
        after.filter((s) => s.includes(p)),
        p,
      ).toEqual([]);
    // the survey's scores stay for the report, its free text goes
    expect(
      (await store.transaction((tx) => tx.surveys.answers(e))).map((a) => [a.satisfaction, a.comment]),
    ).toEqual([[4, null]]);
    // the objection itself stays on the record, without who made it
    expect(after.some((s) => s.includes('the box was opened early'))).toBe(true);
    // the candidate stands on the record of the result, and so do the retained records
    expect(after.some((s) => s.includes('candidate-ed'))).toBe(true);
    expect((await store.transaction((tx) => tx.archive.records(e))).map((r) => r.kind)).toEqual([
      'results.json',
    ]);
  });
});
