// One Teller process, started by timeline-fixtures.ts's startTeller with an IPC channel: its own core and
// connection pool on the database the test names, doing what the job loop (src/job-loop.ts) does on each
// tick, core.runJobs(), whenever the test says `go`. Several of these at once are several Teller
// processes sharing one database.
import { createCore } from '../../../src/core/index.js';
import { connect } from '../../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../../src/storage/index.js';

const url = process.env.TELLER_CHILD_URL!;
const schema = process.env.TELLER_CHILD_SCHEMA || undefined;
const fixed = process.env.TELLER_CHILD_NOW ? new Date(process.env.TELLER_CHILD_NOW) : undefined;

const send = (m: Record<string, unknown>) =>
  new Promise<void>((resolve) => process.send!(m, undefined, undefined, () => resolve()));

const database = await connect(url, schema ? { schema } : {});
const errors: string[] = [];
const core = createCore({
  store: createStore(database),
  delivery: createDeliveryQueue(database),
  platformState: createPlatformState(database),
  clock: { now: () => (fixed ? new Date(fixed) : new Date()) },
  serverSecret: process.env.TELLER_CHILD_SECRET!,
  logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
});
// connect the pool before the test's `go`, so both processes start claiming at once
await database.db.selectFrom('jobs').select('id').limit(1).execute();

process.on('message', (m: { kind: string; at?: number }) => {
  if (m.kind === 'go') {
    // start at the instant the test named, so that several processes claim at the same moment
    setTimeout(
      () => {
        const t0 = performance.now();
        core.runJobs().then(
          (ran) => send({ kind: 'ran', ran, errors: errors.splice(0), ms: performance.now() - t0 }),
          (error: unknown) => send({ kind: 'error', error: String(error) }),
        );
      },
      Math.max(0, (m.at ?? 0) - Date.now()),
    );
  }
  if (m.kind === 'stop') void database.close().then(() => process.exit(0));
});
// the test that started it is gone (it failed, or was stopped): so is this process
process.on('disconnect', () => process.exit(0));
await send({ kind: 'ready' });
