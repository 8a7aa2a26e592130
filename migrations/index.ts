// Every migration, by name. Names sort in the order they run; add new ones at the end and never edit
// an old one. A static list (rather than reading the folder) works the same under tsx, vitest and a build.
import type { Migration } from 'kysely';
import * as initial from './2026-11-23-initial.js';
import * as sealedBallots from './2026-12-07-sealed-ballots.js';
import * as noStatisticsOnSecrets from './2026-12-14-no-statistics-on-secrets.js';
import * as orgLanguage from './2026-12-21-org-language.js';
import * as timeline from './2026-12-28-timeline.js';
import * as rounds from './2027-01-04-rounds.js';
import * as proxies from './2027-01-11-proxies.js';
import * as attendance from './2027-01-18-attendance.js';
import * as paperBallots from './2027-01-25-paper-ballots.js';
import * as objections from './2027-02-01-objections.js';
import * as survey from './2027-02-08-survey.js';
import * as archive from './2027-02-15-archive.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23-initial': initial,
  '2026-12-07-sealed-ballots': sealedBallots,
  '2026-12-14-no-statistics-on-secrets': noStatisticsOnSecrets,
  '2026-12-21-org-language': orgLanguage,
  '2026-12-28-timeline': timeline,
  '2027-01-04-rounds': rounds,
  '2027-01-11-proxies': proxies,
  '2027-01-18-attendance': attendance,
  '2027-01-25-paper-ballots': paperBallots,
  '2027-02-01-objections': objections,
  '2027-02-08-survey': survey,
  '2027-02-15-archive': archive,
};
