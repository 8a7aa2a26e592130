// Times as organisers type them and members read them, in a zone (issue 11).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalZone,
  formatDeadline,
  formatDuration,
  formatTime,
  fromWallClock,
  parseDuration,
  parseWhen,
  zoneOffsetMs,
} from '../../src/core/shared/time.js';

const NOW = new Date('2026-12-16T09:00:00Z'); // a Wednesday

describe('parseWhen', () => {
  it('reads a wall-clock time in the zone it is typed in', () => {
    expect(parseWhen('2026-12-14 09:00', 'UTC', NOW)).toEqual({ at: new Date('2026-12-14T09:00:00Z') });
    expect(parseWhen('2026-12-14T09:00', 'Asia/Shanghai', NOW)).toEqual({
      at: new Date('2026-12-14T01:00:00Z'),
    });
    expect(parseWhen('2026-12-14', 'America/New_York', NOW)).toEqual({
      at: new Date('2026-12-14T05:00:00Z'),
    });
    expect(parseWhen('2026-07-01 12:30', 'Europe/London', NOW)).toEqual({
      at: new Date('2026-07-01T11:30:00Z'),
    });
  });

  it('counts a duration from the time it is given', () => {
    expect(parseWhen('3d', 'UTC', NOW)).toEqual({ at: new Date('2026-12-19T09:00:00Z') });
    expect(parseWhen('1d12h', 'UTC', NOW)).toEqual({ at: new Date('2026-12-17T21:00:00Z') });
    expect(parseWhen('90m', 'Asia/Shanghai', NOW)).toEqual({ at: new Date('2026-12-16T10:30:00Z') });
    expect(parseDuration('1w')).toBe(7 * 86_400_000);
  });

  it('refuses what is not a time, and dates that do not exist', () => {
    for (const bad of ['tomorrow', '3 days', '0d', '', '14/12/2026', '2026-12-14 9', 'd3'])
      expect(parseWhen(bad, 'UTC', NOW)).toEqual({ error: 'time.unreadable' });
    for (const bad of ['2026-02-30 09:00', '2026-13-01', '2026-12-14 24:00', '2026-12-14 09:60'])
      expect(parseWhen(bad, 'UTC', NOW)).toEqual({ error: 'time.no_such_date' });
  });

  it('settles the hour a clock skips or repeats: the instant after a gap, the first of an overlap', () => {
    // London skips 01:00-02:00 on 29 March 2026 and repeats 01:00-02:00 on 25 October 2026
    expect(fromWallClock('Europe/London', 2026, 3, 29, 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromWallClock('Europe/London', 2026, 10, 25, 1, 30).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('round-trips every minute of a year in zones with and without summer time', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }),
        (zone, minute) => {
          const at = new Date(minute * 60_000);
          const wall = new Date(at.getTime() + zoneOffsetMs(zone, at));
          const back = fromWallClock(
            zone,
            wall.getUTCFullYear(),
            wall.getUTCMonth() + 1,
            wall.getUTCDate(),
            wall.getUTCHours(),
            wall.getUTCMinutes(),
          );
          // the repeated hour of an overlap maps to its first instant; everything else exactly back
          const offsetNow = zoneOffsetMs(zone, at);
          const offsetHourBefore = zoneOffsetMs(zone, new Date(at.getTime() - 3_600_000));
          if (offsetHourBefore > offsetNow) expect(back.getTime()).toBeLessThanOrEqual(at.getTime());
          else expect(back.getTime()).toBe(at.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatting', () => {
  it('shows a deadline in the reader’s zone and language, with how long until it', () => {
    const at = new Date('2026-12-18T17:00:00Z');
    expect(formatDeadline(at, 'UTC', 'en', NOW)).toBe('Fri 18 Dec 17:00 UTC (in 2 days)');
    expect(formatDeadline(at, 'Asia/Shanghai', 'en', NOW)).toBe('Sat 19 Dec 01:00 GMT+8 (in 2 days)');
    expect(formatDeadline(at, 'UTC', 'zh-Hans', NOW)).toBe('12月18日（周五）17:00 UTC（2 天后）');
    expect(formatDeadline(new Date('2026-12-16T07:00:00Z'), 'UTC', 'en', NOW)).toBe(
      'Wed 16 Dec 07:00 UTC (2 h ago)',
    );
  });

  it('names the year only when it is not this one', () => {
    expect(formatTime(new Date('2027-01-04T09:00:00Z'), 'UTC', 'en', NOW)).toBe('Mon 4 Jan 2027 09:00 UTC');
    expect(formatTime(new Date('2027-01-04T09:00:00Z'), 'UTC', 'zh-Hans', NOW)).toBe(
      '2027年1月4日（周一）09:00 UTC',
    );
  });

  it('rounds a length of time to what a reader needs', () => {
    expect(formatDuration(60 * 60_000, 'en')).toBe('1 h');
    expect(formatDuration(125 * 60_000, 'en')).toBe('2 h 5 min');
    expect(formatDuration(40 * 60_000, 'zh-Hans')).toBe('40 分钟');
    expect(formatDuration(36 * 3_600_000, 'en')).toBe('36 h');
    expect(formatDuration(3 * 86_400_000, 'zh-Hans')).toBe('3 天');
  });

  it('knows zones by their IANA names only', () => {
    expect(canonicalZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalZone('utc')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });
});
