// Slack OAuth installations kept in Teller's own database through the platform state store that main.ts
// passes in, so a restart or a second bot process (PostgreSQL) serves every installed workspace. Keyed by enterprise id for
// org-wide installs, team id otherwise, as Slack's installation query distinguishes them.

import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { PlatformStateStore } from '../../src/core/index.js';

const KIND = 'installation';

function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  throw new Error('installation query names neither team nor enterprise');
}

export class PlatformStateInstallationStore implements InstallationStore {
  constructor(private readonly state: PlatformStateStore) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.state.put('slack', KIND, key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.state.get('slack', KIND, keyOf(query));
    if (!found) throw new Error(`no Slack installation for ${keyOf(query)}`);
    return found as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.state.delete('slack', KIND, keyOf(query));
  }

  /** the bot token for a workspace, for the delivery sender (which has no request context) */
  async botTokenFor(teamId: string): Promise<string | undefined> {
    const found = (await this.state.get('slack', KIND, `team:${teamId}`)) as Installation | undefined;
    return found?.bot?.token;
  }
}
