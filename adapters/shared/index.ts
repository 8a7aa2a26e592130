// adapters/shared: what the Slack and Discord adapters share (delivery worker, ack/defer, rendering, charts).
export type {
  BucketLimit,
  PlatformSender,
  RateHint,
  RateLimitConfig,
  SendContext,
  SendResult,
} from './delivery/platform-sender.js';
export type {
  Clock,
  DeliveryLogEvent,
  DeliveryStats,
  DeliveryWorker,
  DeliveryWorkerOptions,
  ProgressReport,
} from './delivery/delivery-worker.types.js';
export { createDeliveryWorker, FIND_SENT_KEY } from './delivery/delivery-worker.js';
export { RateLimiter } from './delivery/rate-limiter.js';
export { backoffDelay } from './delivery/backoff.js';
export { systemClock } from './delivery/clock.js';
export { decodeComponentId, encodeComponentId, type ComponentId } from './component-id.js';
export { clip } from './render/clip.js';
export { splitBody, splitLines, type PartLimits } from './render/split-body.js';
export { consoleLogger, type Logger } from './logger.js';
export { ackOrDefer, type AckDeferOptions, type AckDeferOutcome } from './ack-defer.js';
export { chartToSvg, type ChartSvgOptions } from './chart/chart-svg.js';
export { renderChart, type RenderChartOptions, type RenderedChart } from './chart/render-chart.js';
export { chartFonts, FONT_PACKAGES, type ChartFonts } from './chart/chart-fonts.js';
export { missingGlyphs } from './chart/glyph-check.js';
export { printPdf } from './report/print-pdf.js';
export { fileBytes } from './report/file-bytes.js';
export { escapeDiscordMarkdown } from './render/discord-markdown.js';
export { displayColumns, padColumns, textWidthEm, truncateColumns, truncateEm } from './render/text-width.js';
export { progressText, type TranslateFn } from './delivery/progress-text.js';
export {
  electionNumber,
  OVERRIDE_FIELD,
  scheduleArgs,
  scheduleFields,
  stampOf,
  type ScheduleField,
  type ScheduleSubmit,
} from './schedule-form.js';
