// Autocomplete offers the server's elections from the core's election query. It used to read "#3 Title"
// back out of the rendered /election list reply, whose real lines ("3. Title — draft") it never matched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autocomplete, interact } from '../../fakes/discord/interactions.js';
import { startRealCore, type RealCore } from './real-core.js';

describe('election autocomplete on the real core', () => {
  let rc: RealCore;
  beforeEach(async () => {
    rc = await startRealCore();
  });
  afterEach(() => rc.stop());

  const complete = async (typed: string) => {
    const cb = await interact(
      rc.discord,
      autocomplete(rc.driver.who('olga'), 'election', [
        { name: 'show', type: 1, options: [{ name: 'election', type: 3, value: typed, focused: true }] },
      ]),
    );
    expect(cb.type).toBe(8);
    return cb.data.choices;
  };

  it("offers the server's elections newest first, matching by number or title", async () => {
    expect((await rc.type('olga', 'create "Board 2026"', true)).kind).toBe('ok');
    expect((await rc.type('olga', 'create Treasurer', true)).kind).toBe('ok');
    expect(await complete('')).toEqual([
      { name: '#2 Treasurer', value: '2' },
      { name: '#1 Board 2026', value: '1' },
    ]);
    expect(await complete('board')).toEqual([{ name: '#1 Board 2026', value: '1' }]);
    expect(await complete('#1')).toEqual([{ name: '#1 Board 2026', value: '1' }]);
    expect(await complete('TREAS')).toEqual([{ name: '#2 Treasurer', value: '2' }]);
  });

  it('echoes a typed number on a server with no elections yet', async () => {
    expect(await complete('7')).toEqual([{ name: '#7', value: '7' }]);
    expect(await complete('x')).toEqual([]);
  });
});
