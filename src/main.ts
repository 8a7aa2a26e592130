// The composition root: the only file that wires storage, the core and the platform adapters.
import { createCore, type Logger, type TellerCore } from './core/index.js';
import { systemClock } from './core/shared/clock.js';
import type { Config } from './config.js';
import { loadServerSecret } from './secret.js';
import { connect, createDeliveryQueue, createPlatformState, createStore, migrateToLatest, type Database } from './storage/index.js';

export interface Teller {
  core: TellerCore;
  database: Database;
  close(): Promise<void>;
}

/** Open the database, bring its schema up to date and build the core. */
export async function buildTeller(config: Config, logger: Logger, overrides: { databaseUrl?: string; secret?: string } = {}): Promise<Teller> {
  const database = await connect(overrides.databaseUrl ?? config.databaseUrl);
  await migrateToLatest(database);
  const core = createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: systemClock,
    serverSecret: overrides.secret ?? loadServerSecret(config.secret, config.dataDir),
    logger,
  });
  return { core, database, close: () => database.close() };
}
