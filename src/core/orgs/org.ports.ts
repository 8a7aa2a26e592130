// The organisations' repository. Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Platform } from '../delivery/outbound.types.js';
import type { Organisation } from '../shared/org.types.js';

export interface OrgRepo {
  findByPlatform(platform: Platform, platformOrgId: string): Promise<Organisation | undefined>;
  get(id: string): Promise<Organisation | undefined>;
  insert(org: Organisation): Promise<void>;
  /**
   * Insert unless the platform's organisation is known already, and return the one stored: two
   * processes meeting a new workspace at once both get the same organisation, neither an error.
   */
  insertIfAbsent(org: Organisation): Promise<Organisation>;
  /** the platform's default language changed (a Discord server's preferred locale) */
  setDefaultLocale(id: string, locale: Organisation['defaultLocale']): Promise<void>;
  /** the organisers chose a language; one column each, so neither write undoes the other */
  setLanguage(id: string, language: Organisation['defaultLocale'] | null): Promise<void>;
  /** the organisers chose the zone their times are shown in; null is UTC */
  setTimeZone(id: string, zone: string | null): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    orgs: OrgRepo;
  }
}
