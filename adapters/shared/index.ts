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
