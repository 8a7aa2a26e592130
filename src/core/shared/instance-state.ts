// Memo tables owned by one core instance (createCore), so two cores in one process (tests, a bench,
// a process serving two databases) never share what they remember, and everything goes with the core.
// Each table is keyed by random ids that are never reused (elections, contests).
export class InstanceState {
  private readonly tables = new Map<string, Map<string, unknown>>();

  table<V>(name: string): Map<string, V> {
    let t = this.tables.get(name);
    if (!t) {
      t = new Map();
      this.tables.set(name, t);
    }
    return t as Map<string, V>;
  }

  /**
   * Forget everything remembered about an election (its key above all) in every table: under its id,
   * and under `id@…` (what is remembered per phase of it).
   */
  forget(id: string): void {
    for (const t of this.tables.values())
      for (const key of [...t.keys()]) if (key === id || key.startsWith(`${id}@`)) t.delete(key);
  }
}
