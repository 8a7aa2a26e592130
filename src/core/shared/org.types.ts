import type { Platform } from './platform.js';
import type { Locale } from '../../i18n/catalog.types.js';

/** Days an archived election's records are kept unless the organisation says otherwise (issue 14). */
export const DEFAULT_RETENTION_DAYS = 365;

/** One Slack workspace, one Discord server, or the local console. */
export interface Organisation {
  id: string;
  platform: Platform;
  platformOrgId: string;
  name: string;
  /**
   * The platform's language for the organisation where it tells (a Discord server's preferred locale,
   * kept current from its interactions), else the language of the member who first used Teller there.
   */
  defaultLocale: Locale;
  /** the language the organisers chose with `/election language`; null until they choose */
  language?: Locale | null;
  /** the IANA zone organisers chose for times (`/election timezone`); null or absent is UTC */
  timeZone?: string | null;
  /** days an archived election's records are kept before personal data is purged; null or absent: 365 */
  retentionDays?: number | null;
  createdAt: string;
}

/** The language for a member the platform tells nothing about: the organisers' choice, else the platform's. */
export function orgLanguage(
  org: Pick<Organisation, 'language' | 'defaultLocale'>,
  platformLocale?: Locale,
): Locale {
  return org.language ?? platformLocale ?? org.defaultLocale;
}
