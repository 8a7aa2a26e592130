// Each channel's part of a round, as the announcement and the report give it (issue 13): ballots issued
// and returned, and how the returned ones read, for online, paper and mail apart; late mail logged.
import { INVALID_REASONS } from '../../counting/types.js';
import type { Translate } from '../../i18n/index.js';
import type { Field } from '../shared/reply.js';
import type { StoredResult } from './result.types.js';

/** reasons in the order the checks find them, so every report lists them alike */
const order = (reason: string) => (INVALID_REASONS as readonly string[]).indexOf(reason);

export function channelFields(t: Translate, stored: StoredResult): Field[] {
  const channels = stored.channels;
  if (!channels || channels.length < 2) return [];
  const lines = channels.map((c) => {
    const reasons = Object.entries(c.invalidBy)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([r, n]) => `${t(`paper.reason.${r}`)} ${n}`)
      .join(t('result.aoa.separator'));
    return [
      t('result.channel_line', {
        channel: t(`paper.channel.${c.channel}`),
        issued: c.issued,
        returned: c.returned,
        valid: c.valid,
        blank: c.blank,
        invalid: c.invalid,
      }),
      reasons ? t('result.channel_reasons', { reasons }) : '',
      c.late > 0 ? t('result.channel_late', { late: c.late }) : '',
    ].join('');
  });
  return [{ label: t('result.channels'), value: lines.join('\n') }];
}
