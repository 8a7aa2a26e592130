// How Slack's users.info and users.list describe a member's zone, computed from the runtime's zone data
// so the fake answers what Slack would on the day the test runs.

/**
 * What Slack says of a zone: the IANA name, its long name at this moment ("Pacific Daylight Time") and
 * its offset in seconds, both of which change with daylight saving time.
 */
export function zoneFields(tz: string, at = new Date()): { tz: string; tz_label: string; tz_offset: number } {
  const label =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? tz;
  const wall = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (type: string) => Number(wall.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return {
    tz,
    tz_label: label,
    tz_offset: Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000),
  };
}
