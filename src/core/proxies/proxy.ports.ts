// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { ProxyAppointment } from './proxy.types.js';

export interface ProxyRepo {
  /** the principal's appointment in this election, pending or approved */
  get(electionId: string, principal: string): Promise<ProxyAppointment | undefined>;
  /** every appointment of the election, ordered by principal */
  list(electionId: string): Promise<ProxyAppointment[]>;
  /** insert or replace the principal's appointment (one per principal and election) */
  put(appointment: ProxyAppointment): Promise<void>;
  remove(electionId: string, principal: string): Promise<boolean>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    proxies: ProxyRepo;
  }
}
