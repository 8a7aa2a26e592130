import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, first, prepare, rowParams, run } from '../../src/storage/prepared.js';
import { type Opened, openTestDatabase, testDatabases } from './databases.js';

const put = prepare((db, p) =>
  db
    .insertInto('requests')
    .values(rowParams(p, ['key', 'response', 'at'] as const))
    // The same name twice: both bound parameters take the one value.
    .onConflict((oc) => oc.column('key').doUpdateSet({ response: p('response'), at: p('response') })),
);
const byPrefix = prepare((db, p) =>
  db
    .selectFrom('requests')
    .select(['key', 'response', 'at'])
    .where('key', 'like', p('prefix'))
    .orderBy('key')
    .limit(2),
);
const one = prepare((db, p) => db.selectFrom('requests').select('response').where('key', '=', p('key')));
const remove = prepare((db, p) => db.deleteFrom('requests').where('key', 'like', p('prefix')));

describe.each(testDatabases)('prepared queries on $label', (target) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openTestDatabase(target);
  });
  afterAll(() => opened.dispose());
  const t = () => ({
    db: opened.database.db,
    dialect: opened.database.dialect,
    native: opened.database.native,
  });

  it('binds named parameters, keeps literal ones, and reports changed rows', async () => {
    expect(await run(t(), put, { key: 'p-1', response: 'a', at: 'x' })).toBe(1);
    expect(await run(t(), put, { key: 'p-2', response: 'b', at: 'y' })).toBe(1);
    expect(await run(t(), put, { key: 'p-3', response: 'c', at: 'z' })).toBe(1);
    await run(t(), put, { key: 'p-1', response: 'again', at: 'ignored' });
    // limit(2) compiled as a parameter with its own value, not a placeholder.
    expect(await all(t(), byPrefix, { prefix: 'p-%' })).toEqual([
      { key: 'p-1', response: 'again', at: 'again' },
      { key: 'p-2', response: 'b', at: 'y' },
    ]);
    expect(await first(t(), one, { key: 'p-3' })).toEqual({ response: 'c' });
    expect(await first(t(), one, { key: 'p-9' })).toBeUndefined();
    expect(await run(t(), remove, { prefix: 'p-%' })).toBe(3);
    expect(await all(t(), byPrefix, { prefix: 'p-%' })).toEqual([]);
  });

  it('refuses to run with a parameter missing rather than binding undefined', async () => {
    await expect(first(t(), one, {})).rejects.toThrow(/missing query parameter "key"/);
    await expect(run(t(), put, { key: 'k', at: 'x' })).rejects.toThrow(/"response"/);
  });
});
