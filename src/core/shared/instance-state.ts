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

  /** forget everything remembered about an election (its key above all) in every table */
  forget(id: string): void {
    for (const t of this.tables.values()) t.delete(id);
  }
}
