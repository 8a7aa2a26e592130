// Storage's public entry, for main.ts (the composition root) and the CLI's `teller migrate`.
export { connect, type ConnectOptions, type Database, type Dialect } from './connect.js';
export { migrateDown, migrateToLatest } from './migrate.js';
export { createStore } from './store.js';
export { createDeliveryQueue } from './delivery-queue.js';
export { createPlatformState } from './platform-state.js';
export { explainOpenError, type DatabaseSetting } from './open-errors.js';
