import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformStateStore } from '../../src/core/index.js';
import { createPlatformState } from '../../src/storage/platform-state.js';
import { type Opened, openTestDatabase, randomId, testDatabases } from './databases.js';

describe.each(testDatabases)('platform state on $label', (target) => {
  let opened: Opened;
  let state: PlatformStateStore;
  beforeAll(async () => {
    opened = await openTestDatabase(target);
    state = createPlatformState(opened.database);
  });
  afterAll(() => opened.dispose());

  it('stores JSON values per platform, kind and key; replaces and deletes them', async () => {
    const key = randomId('T');
    const install = {
      team: { id: key, name: 'Ops' },
      bot: { token: 'xoxb-test', scopes: ['chat:write'] },
      enterprise: null,
    };
    expect(await state.get('slack', 'installation', key)).toBeUndefined();
    await state.put('slack', 'installation', key, install);
    expect(await state.get('slack', 'installation', key)).toEqual(install);
    expect(await state.get('discord', 'installation', key)).toBeUndefined();
    expect(await state.get('slack', 'settings', key)).toBeUndefined();

    await state.put('slack', 'installation', key, { replaced: true });
    expect(await state.get('slack', 'installation', key)).toEqual({ replaced: true });
    await state.put('discord', 'locale', key, 'zh-Hans');
    expect(await state.get('discord', 'locale', key)).toBe('zh-Hans');
    await state.put('discord', 'count', key, 0);
    expect(await state.get('discord', 'count', key)).toBe(0);

    await state.delete('slack', 'installation', key);
    expect(await state.get('slack', 'installation', key)).toBeUndefined();
    expect(await state.get('discord', 'locale', key)).toBe('zh-Hans');
    await expect(state.put('slack', 'x', key, undefined)).rejects.toThrow(/undefined/);
  });
});
