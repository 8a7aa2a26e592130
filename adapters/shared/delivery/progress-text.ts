// The organiser's view of a fan-out, one short paragraph in their language:
// "Ballot messages: 4,210 of 10,000 delivered · 5,782 still to send · 8 could not be reached ...".

import type { ProgressReport } from './delivery-worker.types.js';

export type TranslateFn = (
  locale: string | undefined,
  key: string,
  params?: Record<string, string | number>,
) => string;

export function progressText(report: ProgressReport, translate: TranslateFn, locale?: string): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const purposeKey = `delivery.purpose.${report.purpose}`;
  const named = translate(locale, purposeKey);
  const purpose = named === purposeKey ? translate(locale, 'delivery.purpose.default') : named;
  const { counts } = report;
  const parts = [
    translate(locale, 'delivery.progress.line', { purpose, sent: n(counts.sent), total: n(report.total) }),
  ];
  const pending = counts.pending + counts.sending;
  if (pending > 0) parts.push(translate(locale, 'delivery.progress.pending', { count: n(pending) }));
  if (counts.unreachable > 0)
    parts.push(translate(locale, 'delivery.progress.unreachable', { count: n(counts.unreachable) }));
  if (counts.failed > 0)
    parts.push(translate(locale, 'delivery.progress.failed', { count: n(counts.failed) }));
  if (report.done) parts.push(translate(locale, 'delivery.progress.done'));
  return parts.join(' · ');
}
