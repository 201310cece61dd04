import PQueue from 'p-queue';

/** How soon a send must go: answers and alerts first, scheduled bulk sends after. */
export type SendPriority = 'urgent' | 'bulk';

const PRIORITY: Record<SendPriority, number> = { urgent: 1, bulk: 0 };
// Tokens are released every tenth of a second rather than once a second, so a second's budget is
// spread over it instead of leaving in one burst (Slack counts per workspace over short windows).
const SLICE_MS = 100;

/**
 * Paces `chat.postMessage` calls of this process to a rate (messages per second), with urgent sends
 * overtaking queued bulk ones. 429s and 5xx are still the SDK's business (it honours Retry-After and
 * retries); the pacer keeps us from provoking them in the first place.
 */
export class SendPacer {
  private readonly queue: PQueue;

  constructor(ratePerSecond: number) {
    const perSlice = Math.max(1, Math.round((ratePerSecond * SLICE_MS) / 1000));
    const interval = Math.round((perSlice * 1000) / ratePerSecond);
    this.queue = new PQueue({ intervalCap: perSlice, interval, strict: true });
  }

  /** Runs `send` when the rate allows it. */
  run<T>(send: () => Promise<T>, priority: SendPriority = 'urgent'): Promise<T> {
    return this.queue.add(send, { priority: PRIORITY[priority] }) as Promise<T>;
  }

  /** Resolves when fewer than `n` sends are waiting. */
  async belowWaiting(n: number): Promise<void> {
    await this.queue.onSizeLessThan(n);
  }
}
