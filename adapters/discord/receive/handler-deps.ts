import type { DispatchResult, Invocation, PlatformStateStore, TellerCore } from '../../../src/core/index.js';
import type { Logger } from '../../shared/index.js';
import type { DraftStore } from '../ballot/ballot-draft.js';
import type { CommandTable } from '../commands/command-definitions.js';
import type { ChartRenderer } from '../render/message.js';

export interface HandlerDeps {
  core: TellerCore;
  /** per-guild settings: the role that may create elections */
  platformState: PlatformStateStore;
  /** core.dispatch; a seam so the bot can count or trace dispatches */
  dispatch(invocation: Invocation): Promise<DispatchResult>;
  table: CommandTable;
  drafts: DraftStore;
  renderChart?: ChartRenderer;
  /** answer directly when the work finishes within this, otherwise defer (Discord allows 3 s) */
  deferAfterMs: number;
  logger: Logger;
}
