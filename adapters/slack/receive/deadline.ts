// Slack wants an acknowledgement within 3 seconds. Most commands finish well inside that, and then the
// reply rides on the ack itself (one round trip, and modals can answer with response_action). When the
// work runs late, the caller acks empty and delivers the reply afterwards (response_url / DM).

export const LATE = Symbol('late');

export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
