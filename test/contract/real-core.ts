// The one core every transport runs against: the real createCore on the real storage (SQLite in
// memory, migrated), so the outbox the core writes is the queue the platform's delivery worker claims.
import {
  createCore,
  type DeliveryQueue,
  type PlatformStateStore,
  type TellerCore,
} from '../../src/core/index.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { openTestDatabase, testDatabases } from '../storage/databases.js';

export interface ContractCore {
  core: TellerCore;
  /** the outbound queue and adapter state, for adapters that take them beside the core */
  delivery: DeliveryQueue;
  platformState: PlatformStateStore;
  /** what the core logged as an error; the scenario expects none */
  errors: string[];
  close(): Promise<void>;
}

export async function startCore(): Promise<ContractCore> {
  const opened = await openTestDatabase(testDatabases[0]);
  const delivery = createDeliveryQueue(opened.database);
  const platformState = createPlatformState(opened.database);
  const errors: string[] = [];
  const core = createCore({
    store: createStore(opened.database),
    delivery,
    platformState,
    // the delivery workers compare notBefore with the wall clock
    clock: { now: () => new Date() },
    serverSecret: 'contract-test-server-secret-0123456789',
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  return { core, delivery, platformState, errors, close: () => opened.dispose() };
}
