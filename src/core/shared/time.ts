// Times as members read and type them: in a time zone (the organisation's, or the member's own where
// the platform tells it), never as raw UTC. Parsing and formatting use the runtime's ICU data (Node
// ships all of it), so no zone table is downloaded or bundled.

import type { Locale } from '../../i18n/catalog.types.js';

export const DEFAULT_TIME_ZONE = 'UTC';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An IANA zone name the runtime knows ('Asia/Shanghai', 'UTC'), spelled the way ICU spells it. */
export function canonicalZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, at: Date): Record<string, number> {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at that instant. */
export function zoneOffsetMs(zone: string, at: Date): number {
  const p = partsIn(zone, at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time in a zone names. In a gap (the hour a clock skips in spring) it is
 * the instant just after; in an overlap (the hour repeated in autumn), the first of the two.
 */
export function fromWallClock(zone: string, y: number, mo: number, d: number, h: number, mi: number): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - zoneOffsetMs(zone, new Date(wall));
  // a second pass settles instants near a change of offset
  guess = wall - zoneOffsetMs(zone, new Date(guess));
  const earlier = wall - zoneOffsetMs(zone, new Date(guess - HOUR));
  if (earlier !== guess && zoneOffsetMs(zone, new Date(earlier)) === wall - earlier) return new Date(earlier);
  return new Date(guess);
}

export type WhenError = 'time.unreadable' | 'time.no_such_date';

/**
 * What an organiser typed for a time: `2026-12-14 09:00` (or with a T, or a date alone at 00:00) in
 * the zone, or a duration after `after` (`3d`, `12h`, `90m`, `1w`, `1d12h`).
 */
export function parseWhen(text: string, zone: string, after: Date): { at: Date } | { error: WhenError } {
  const s = text.trim();
  const abs = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s);
  if (abs) {
    const [y, mo, d, h, mi] = [abs[1], abs[2], abs[3], abs[4] ?? '0', abs[5] ?? '0'].map(Number);
    const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
    if (
      probe.getUTCFullYear() !== y ||
      probe.getUTCMonth() !== mo - 1 ||
      probe.getUTCDate() !== d ||
      h > 23 ||
      mi > 59
    )
      return { error: 'time.no_such_date' };
    return { at: fromWallClock(zone, y, mo, d, h, mi) };
  }
  const ms = parseDuration(s);
  return ms === undefined ? { error: 'time.unreadable' } : { at: new Date(after.getTime() + ms) };
}

const UNIT: Record<string, number> = { w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE };

/** `3d`, `12h`, `90m`, `1w`, `1d12h` -> milliseconds; undefined when it is not a duration or is zero. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (!/^(\d{1,4}[wdhm])+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+)([wdhm])/g)) ms += Number(m[1]) * UNIT[m[2]];
  return ms > 0 ? ms : undefined;
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_DAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The zone as a reader recognises it: 'UTC', 'GMT+8', 'PST'. */
export function zoneLabel(zone: string, at: Date): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? zone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-14 09:00`: the instant as the zone's wall clock, in the form parseWhen reads back as it */
export function wallClockText(at: Date, zone: string): string {
  const p = partsIn(zone, at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `Fri 18 Dec 17:00 UTC` / `12月18日（周五）17:00 UTC`, with the year only when it is not `now`'s. */
export function formatTime(at: Date, zone: string, locale: Locale, now?: Date): string {
  const p = partsIn(zone, at);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  const thisYear = now ? partsIn(zone, now).year : p.year;
  const clock = `${pad(p.hour)}:${pad(p.minute)} ${zoneLabel(zone, at)}`;
  if (locale === 'zh-Hans') {
    const year = p.year !== thisYear ? `${p.year}年` : '';
    return `${year}${p.month}月${p.day}日（周${ZH_DAYS[weekday]}）${clock}`;
  }
  const year = p.year !== thisYear ? ` ${p.year}` : '';
  return `${EN_DAYS[weekday]} ${p.day} ${EN_MONTHS[p.month - 1]}${year} ${clock}`;
}

/** A length of time, rounded to what a reader needs: `2 days`, `36 h`, `2 h 5 min`, `40 min` / `2 天`, `5 小时`. */
export function formatDuration(ms: number, locale: Locale): string {
  const abs = Math.abs(ms);
  const zh = locale === 'zh-Hans';
  if (abs >= 2 * DAY) {
    const n = Math.round(abs / DAY);
    return zh ? `${n} 天` : `${n} days`;
  }
  if (abs >= 10 * HOUR) {
    const n = Math.round(abs / HOUR);
    return zh ? `${n} 小时` : `${n} h`;
  }
  const minutes = Math.max(1, Math.round(abs / MINUTE));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (zh) return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ');
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** `in 2 days` / `2 h ago` / `2 天后` / `2 小时前`. */
export function formatRelative(at: Date, now: Date, locale: Locale): string {
  const ms = at.getTime() - now.getTime();
  const span = formatDuration(ms, locale);
  if (locale === 'zh-Hans') return ms >= 0 ? `${span}后` : `${span}前`;
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

/** The form every deadline takes: `Fri 18 Dec 17:00 UTC (in 2 days)`. */
export function formatDeadline(at: Date, zone: string, locale: Locale, now: Date): string {
  const rel = formatRelative(at, now, locale);
  return locale === 'zh-Hans'
    ? `${formatTime(at, zone, locale, now)}（${rel}）`
    : `${formatTime(at, zone, locale, now)} (${rel})`;
}
