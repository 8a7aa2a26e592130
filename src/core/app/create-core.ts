import { translate } from '../../i18n/index.js';
import { type ChannelReader, createDispatcher } from './dispatch.js';
import type { Logger } from '../kit/context.js';
import { COMMANDS, COMMAND_SPECS } from './registry.js';
import type { DeliveryQueue } from '../delivery/outbound.ports.js';
import type { Platform } from '../delivery/outbound.types.js';
import type { PlatformStateStore, TellerCore } from './core.types.js';
import { createJobRunner } from './job-runner.js';
import { ballotFanOutWatcher } from '../voting/fanout.commands.js';
import { electionQueries } from '../elections/election.queries.js';
import type { Clock } from '../shared/clock.js';
import type { Store } from '../kit/store.js';

export interface CoreDeps {
  store: Store;
  delivery: DeliveryQueue;
  platformState: PlatformStateStore;
  clock: Clock;
  /** from TELLER_SECRET or the key file beside the data; never stored in the database */
  serverSecret: string;
  logger: Logger;
}

export function createCore(deps: CoreDeps): TellerCore {
  const channelReaders = new Map<Platform, ChannelReader>();
  const dispatcher = createDispatcher(COMMANDS, { ...deps, channelReaders });
  const jobs = createJobRunner({
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger,
    runAsTeller: dispatcher.runAsTeller,
  });
  const queries = electionQueries(deps.store);
  return {
    dispatch: dispatcher.run,
    runJobs: jobs.runDue,
    readChannelsWith(platform, reader) {
      channelReaders.set(platform, reader);
    },
    commands: COMMAND_SPECS,
    translate,
    reportDelivery: ballotFanOutWatcher({
      store: deps.store,
      delivery: deps.delivery,
      runAsTeller: dispatcher.runAsTeller,
    }),
    elections: queries.elections,
    contests: queries.contests,
    timetable: queries.timetable,
  };
}
