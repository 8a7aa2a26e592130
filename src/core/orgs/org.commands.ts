// Settings of the whole organisation (a Slack workspace, a Discord server), not of one election: its
// language and its time zone.
import type { Locale } from '../../i18n/catalog.types.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { DEFAULT_RETENTION_DAYS, orgLanguage } from '../shared/org.types.js';
import { fail } from '../shared/result.js';
import { canonicalZone, DEFAULT_TIME_ZONE, formatTime } from '../shared/time.js';

const LANGUAGES = ['en', 'zh-Hans'] as const satisfies readonly Locale[];

/**
 * The language Teller writes in to members whose own language it does not know (a member who has never
 * used Teller, on a platform that does not say). A member's own locale always wins. Who may set it: the
 * members allowed to create elections, since any of them could otherwise start an election in their
 * own language anyway.
 */
export const setLanguage = defineCommand<{ language?: Locale }>({
  id: 'org.language',
  path: ['language'],
  access: 'creator',
  args: { language: arg.choice('arg.language', LANGUAGES, { optional: true }) },
  async handler(ctx, args) {
    // read it again: the remembered organisation may predate another process's change
    const stored = (await ctx.tx.orgs.get(ctx.org.id)) ?? ctx.org;
    if (args.language === undefined) {
      const current = orgLanguage(stored);
      const source = stored.language ? 'org.language_source_chosen' : 'org.language_source_platform';
      return toActor(
        ctx.t('org.language_current', { language: ctx.t(`language.${current}`), source: ctx.t(source) }),
        { tone: 'info' },
      );
    }
    await ctx.tx.orgs.setLanguage(ctx.org.id, args.language);
    ctx.org = { ...stored, language: args.language };
    return toActor(ctx.t('org.language_set', { language: ctx.t(`language.${args.language}`) }));
  },
});

/**
 * The zone the organisation's times are shown and typed in (`2026-12-14 09:00` means 09:00 there).
 * Members whose platform tells Teller their own zone (Slack) see their DMs in it. UTC until chosen.
 */
export const setTimeZone = defineCommand<{ zone?: string }>({
  id: 'org.timezone',
  path: ['timezone'],
  access: 'creator',
  args: { zone: arg.word('arg.zone', 64, { optional: true }) },
  async handler(ctx, args) {
    const stored = (await ctx.tx.orgs.get(ctx.org.id)) ?? ctx.org;
    const current = stored.timeZone ?? DEFAULT_TIME_ZONE;
    if (args.zone === undefined) {
      const now = formatTime(ctx.now, current, ctx.locale);
      return toActor(ctx.t('org.timezone_current', { zone: current, now }), { tone: 'info' });
    }
    const zone = canonicalZone(args.zone);
    if (!zone) return fail('org.timezone_unknown', { zone: args.zone.slice(0, 64) });
    await ctx.tx.orgs.setTimeZone(ctx.org.id, zone === DEFAULT_TIME_ZONE ? null : zone);
    ctx.org = { ...stored, timeZone: zone === DEFAULT_TIME_ZONE ? null : zone };
    return toActor(ctx.t('org.timezone_set', { zone, now: formatTime(ctx.now, zone, ctx.locale) }));
  },
});

/** How long archived elections are kept before their personal data is purged (issue 14). */
export const setRetention = defineCommand<{ days?: number }>({
  id: 'org.retention',
  path: ['retention'],
  access: 'creator',
  args: { days: arg.int('arg.retention_days', 30, 36_500, { optional: true }) },
  async handler(ctx, args) {
    if (args.days === undefined)
      return toActor(
        ctx.t('org.retention_current', { days: ctx.org.retentionDays ?? DEFAULT_RETENTION_DAYS }),
        { tone: 'info' },
      );
    await ctx.tx.archive.setRetention(ctx.org.id, args.days);
    ctx.org = { ...ctx.org, retentionDays: args.days };
    return toActor(ctx.t('org.retention_set', { days: args.days }));
  },
});
