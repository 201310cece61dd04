import PQueue from 'p-queue';

/** A send withdrawn from the pacer's queue before it was called: it never reached Slack. */
export class SendWithdrawn extends Error {
  constructor() {
    super('withdrawn before it was sent (the app is stopping)');
    this.name = 'SendWithdrawn';
  }
}

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

  /**
   * Runs `send` when the rate allows it. Once `withdraw` is aborted, a send still waiting for its
   * turn leaves the queue and rejects with `SendWithdrawn` without being called (nothing reached
   * Slack); one already called is waited for and gives its own outcome.
   */
  async run<T>(
    send: () => Promise<T>,
    priority: SendPriority = 'urgent',
    withdraw?: AbortSignal,
  ): Promise<T> {
    let called: Promise<T> | undefined;
    try {
      return (await this.queue.add(
        () => {
          called = send();
          return called;
        },
        { priority: PRIORITY[priority], ...(withdraw ? { signal: withdraw } : {}) },
      )) as T;
    } catch (err) {
      // p-queue also rejects a running task when its signal aborts: the call itself decides then.
      if (called) return called;
      if (withdraw?.aborted) throw new SendWithdrawn();
      throw err;
    }
  }

  /** Resolves when fewer than `n` sends are waiting. */
  async belowWaiting(n: number): Promise<void> {
    await this.queue.onSizeLessThan(n);
  }
}
