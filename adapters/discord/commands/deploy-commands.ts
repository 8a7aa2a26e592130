// `teller discord deploy-commands [--guild ID]`: registers the definitions built from the registry.
// A guild deploy appears at once (development); a global deploy can take a while to reach clients.
import { REST, Routes } from 'discord.js';
import type { TellerCore } from '../../../src/core/index.js';
import { buildCommandTable, type CommandJson } from './command-definitions.js';

export interface DeployOptions {
  core: Pick<TellerCore, 'commands' | 'translate'>;
  token: string;
  applicationId: string;
  guildId?: string;
  /** DISCORD_API_URL: REST base without the version, e.g. http://127.0.0.1:9999/api */
  apiUrl?: string;
}

export interface DeployResult {
  scope: 'global' | 'guild';
  deployed: string[];
  /** command ids that did not fit Discord's limits and are reachable only through /teller */
  omitted: string[];
}

export async function deployCommands(opts: DeployOptions): Promise<DeployResult> {
  const table = buildCommandTable(opts.core);
  const rest = new REST({ version: '10', ...(opts.apiUrl ? { api: opts.apiUrl } : {}) }).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  // PUT replaces the whole set, so commands removed from the registry disappear from Discord too.
  const saved = (await rest.put(route, { body: table.json })) as CommandJson[];
  return {
    scope: opts.guildId ? 'guild' : 'global',
    deployed: saved.map((c) => c.name),
    omitted: table.omitted,
  };
}
