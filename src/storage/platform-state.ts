// Small durable key-value state for adapters (Slack OAuth installations, Discord server settings).
// Values are stored as JSON text so both databases keep them the same way.
import type { PlatformStateStore } from '../core/index.js';
import type { Database } from './connect.js';

export function createPlatformState(database: Database): PlatformStateStore {
  const { db } = database;
  return {
    async get(platform, kind, key) {
      const row = await db
        .selectFrom('platform_state')
        .select('value')
        .where('platform', '=', platform)
        .where('kind', '=', kind)
        .where('key', '=', key)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    async put(platform, kind, key, value) {
      if (value === undefined)
        throw new Error('platform state cannot store undefined; delete the key instead');
      const text = JSON.stringify(value);
      await db
        .insertInto('platform_state')
        .values({ platform, kind, key, value: text })
        .onConflict((oc) => oc.columns(['platform', 'kind', 'key']).doUpdateSet({ value: text }))
        .execute();
    },
    async delete(platform, kind, key) {
      await db
        .deleteFrom('platform_state')
        .where('platform', '=', platform)
        .where('kind', '=', kind)
        .where('key', '=', key)
        .execute();
    },
  };
}
