import type { Platform } from '../delivery/outbound.types.js';
import type { Locale } from '../../i18n/catalog.types.js';

/** One Slack workspace, one Discord server, or the local console. */
export interface Organisation {
  id: string;
  platform: Platform;
  platformOrgId: string;
  name: string;
  defaultLocale: Locale;
  createdAt: string;
}
