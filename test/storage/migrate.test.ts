import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/connect.js';
import { migrateDown, migrateToLatest } from '../../src/storage/migrate.js';
import { type Opened, openTestDatabase, testDatabases } from './databases.js';

const TABLES = [
  'appeal_panels',
  'audit_entries',
  'ballot_issues',
  'ballot_returns',
  'ballots',
  'cast_ballots',
  'contests',
  'count_confirmations',
  'election_roles',
  'election_secrets',
  'elections',
  'jobs',
  'members',
  'nominations',
  'objection_appeals',
  'objections',
  'orgs',
  'outbox',
  'paper_ballots',
  'paper_batches',
  'paper_voters',
  'participation',
  'platform_state',
  'proxies',
  'receipts',
  'requests',
  'results',
  'retained_records',
  'roll_entries',
  'seconders',
  'settings',
  'survey_answers',
  'survey_respondents',
  'survey_sealed',
  'survey_secrets',
  'timetable',
];

const ALL = [
  '2026-11-23-initial',
  '2026-12-07-sealed-ballots',
  '2026-12-14-no-statistics-on-secrets',
  '2026-12-21-org-language',
  '2026-12-28-timeline',
  '2027-01-04-rounds',
  '2027-01-11-proxies',
  '2027-01-18-attendance',
  '2027-01-25-paper-ballots',
  '2027-02-01-objections',
  '2027-02-08-survey',
  '2027-02-15-archive',
];

async function appTables(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables();
  return tables
    .filter((t) => database.schema === undefined || t.schema === database.schema)
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
}

describe.each(testDatabases)('migrations on $label', (target) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openTestDatabase(target, { migrate: false });
  });
  afterAll(() => opened.dispose());

  it('goes up, all the way down to nothing, and up again', async () => {
    const { database } = opened;
    expect(await appTables(database)).toEqual([]);
    expect(await migrateToLatest(database)).toEqual(ALL);
    expect(await appTables(database)).toEqual(TABLES);
    // Nothing pending: a second run is a no-op.
    expect(await migrateToLatest(database)).toEqual([]);

    expect(await migrateDown(database)).toEqual([...ALL].reverse());
    expect(await appTables(database)).toEqual([]);

    expect(await migrateToLatest(database)).toEqual(ALL);
    expect(await appTables(database)).toEqual(TABLES);
  });

  it('gives ballots no voter column and no time column', async () => {
    const tables = await opened.database.db.introspection.getTables();
    const ballots = tables.find(
      (t) =>
        t.name === 'ballots' && (opened.database.schema === undefined || t.schema === opened.database.schema),
    );
    // counted ballots have no link either: they are written at close, after every link is gone
    expect(ballots?.columns.map((c) => c.name).sort()).toEqual([
      'content',
      'contest_id',
      'election_id',
      'id',
      'weight',
    ]);
    const cast = tables.find(
      (t) =>
        t.name === 'cast_ballots' &&
        (opened.database.schema === undefined || t.schema === opened.database.schema),
    );
    expect(cast?.columns.map((c) => c.name).sort()).toEqual([
      'contest_id',
      'election_id',
      'id',
      'link',
      'sealed',
    ]);
    const participation = tables.find(
      (t) =>
        t.name === 'participation' &&
        (opened.database.schema === undefined || t.schema === opened.database.schema),
    );
    expect(participation?.columns.map((c) => c.name).sort()).toEqual([
      'contest_id',
      'election_id',
      'member_id',
    ]);
    // No column anywhere gets a database default or an autoincrement: ids and times are made by the app.
    for (const t of tables.filter((x) => TABLES.includes(x.name))) {
      for (const c of t.columns) {
        expect({ table: t.name, column: c.name, def: c.hasDefaultValue, auto: c.isAutoIncrementing }).toEqual(
          {
            table: t.name,
            column: c.name,
            def: false,
            auto: false,
          },
        );
      }
    }
  });

  it.runIf(target.name === 'sqlite')('creates the secret-ballot tables WITHOUT ROWID on SQLite', async () => {
    const rows = await sql<{
      name: string;
      sql: string;
    }>`select name, sql from sqlite_master where type = 'table'`.execute(opened.database.db);
    const withoutRowid = rows.rows
      .filter((r) => /without rowid\s*$/i.test(r.sql))
      .map((r) => r.name)
      .sort();
    expect(withoutRowid).toEqual(
      expect.arrayContaining([
        'ballots',
        'participation',
        'receipts',
        // the survey's: no rowid records the order in which members answered
        'survey_answers',
        'survey_respondents',
        'survey_sealed',
        'survey_secrets',
      ]),
    );
    expect(withoutRowid).not.toContain('orgs');
  });
});
