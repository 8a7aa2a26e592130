// An in-memory PlatformStateStore for adapter tests: what Slack installations and Discord guild
// settings would keep in Teller's database. Values are cloned, as a database round trip would.
import type { PlatformStateStore } from '../../src/core/index.js';

export class MemoryPlatformState implements PlatformStateStore {
  readonly data = new Map<string, unknown>();
  async get(p: string, kind: string, key: string) {
    return this.data.get(`${p}/${kind}/${key}`);
  }
  async put(p: string, kind: string, key: string, value: unknown) {
    this.data.set(`${p}/${kind}/${key}`, structuredClone(value));
  }
  async delete(p: string, kind: string, key: string) {
    this.data.delete(`${p}/${kind}/${key}`);
  }
}
