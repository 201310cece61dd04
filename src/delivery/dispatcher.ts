import { setMaxListeners } from 'node:events';
import type { Logger } from '@slack/bolt';
import type { Connection } from 'mongoose';
import type { Clock } from '../clock.js';
import { isUndeliverable, slackErrorCode } from '../slack/errors.js';
import type { OutgoingMessage, PostedRef, SlackGateway } from '../slack/gateway.js';
import { type SendPriority, SendWithdrawn } from '../slack/pacer.js';
import { forgetJournal, type JournalState, readJournal, writeJournal } from './journal.js';

/** One DM to send: `key` names the message (due once), `to` the recipient. */
export interface Outgoing {
  key: string;
  to: string;
  message: OutgoingMessage;
}

/** What became of one message. */
export type Delivery =
  | { key: string; status: 'sent'; ref: PostedRef; at: Date }
  /** Slack answered and posted nothing; `permanent` when retrying would fail the same way. */
  | { key: string; status: 'refused'; permanent: boolean; error: string }
  /** Handed to Slack with no answer (connection cut, process died): maybe posted, never sent again. */
  | { key: string; status: 'inDoubt' }
  /** Not handed to Slack (the app was stopping, or the claim did not hold): free to send later. */
  | { key: string; status: 'unsent' };

export interface SendOptions {
  /** Bulk (scheduled) sends give way to urgent ones (answers, alerts). Default bulk. */
  priority?: SendPriority;
  /**
   * Once aborted, no further slice goes, and the messages of the slices in flight that still wait for
   * the pacer are withdrawn (`unsent`, journaled as such); those already with Slack are answered and
   * recorded. So a stop leaves nothing in doubt unless Slack gives no answer.
   */
  signal?: AbortSignal;
  /**
   * Claims a slice just before it goes, returning the items it got (the others are `unsent`): for
   * senders whose claim is per message, so that a crash leaves only the slices in flight claimed.
   */
  claim?: (slice: Outgoing[]) => Promise<Outgoing[]>;
  /**
   * Called once every slice is with Slack (or nothing more will go): a sender of several batches
   * starts the next one then, so the pacer does not idle while this one's last answers come back.
   */
  onLastSlice?: () => void;
}

/**
 * Slices handed to Slack and not yet recorded, per `send`: what a crash may leave in doubt. Three
 * (a second and a half of sending) so that the pacer still has work while a journal write waits
 * behind a long command (FerretDB runs each write alone: a claim or a record takes up to a second
 * or two there).
 */
const SLICES_IN_FLIGHT = 3;

/**
 * The one way bulk and follow-up DMs go out. Messages are sent in slices of about half a second of
 * the post rate: each slice is journaled (`attempted`) before it is handed to the pacer, and Slack's
 * answers are journaled as soon as the slice is answered, so a crash leaves at most the slices in
 * flight (3 per running send, about a second and a half of sending) in doubt — and the sender that takes the
 * work over reads the journal and never sends those again (at most once), while the rest goes.
 * A stop (`signal`) hands no new slice to Slack, withdraws what still waits for the pacer, and waits
 * for the answers to what Slack already has.
 */
export class Dispatcher {
  constructor(
    private readonly conn: Connection,
    private readonly gateway: SlackGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly sliceSize: number,
  ) {}

  /**
   * Sends `items` under `scope` (a claim token or a job key), slice by slice; resolves with each
   * outcome. Each journal write carries Slack's answers to the slices answered so far together with
   * the next slices about to go: one command per slice, and never more than SLICES_IN_FLIGHT slices
   * handed to Slack without their answers written.
   */
  async send(scope: string, items: readonly Outgoing[], opts: SendOptions = {}): Promise<Delivery[]> {
    // One listener per message waiting for the pacer: on a signal of this send's own, not the app's.
    const withdraw = new AbortController();
    setMaxListeners(SLICES_IN_FLIGHT * this.sliceSize + 1, withdraw.signal);
    const stop = () => withdraw.abort();
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
    try {
      return await this.sendSlices(scope, items, { ...opts, signal: opts.signal && withdraw.signal });
    } finally {
      opts.signal?.removeEventListener('abort', stop);
    }
  }

  private async sendSlices(
    scope: string,
    items: readonly Outgoing[],
    opts: SendOptions,
  ): Promise<Delivery[]> {
    const results: Delivery[] = [];
    const inFlight = new Set<Promise<void>>();
    let answered: Delivery[] = [];
    let next = 0;
    for (;;) {
      const starting: Outgoing[][] = [];
      while (
        inFlight.size + starting.length < SLICES_IN_FLIGHT &&
        next < items.length &&
        !opts.signal?.aborted
      ) {
        const slice = items.slice(next, next + this.sliceSize);
        next += slice.length;
        const claimed = opts.claim ? await opts.claim(slice) : slice;
        const got = new Set(claimed.map((o) => o.key));
        for (const o of slice) if (!got.has(o.key)) results.push({ key: o.key, status: 'unsent' });
        if (claimed.length > 0) starting.push(claimed);
      }
      const toWrite = answered;
      answered = [];
      await writeJournal(
        this.conn,
        scope,
        {
          accepted: toWrite.flatMap((r) => (r.status === 'sent' ? [{ key: r.key, ...r.ref }] : [])),
          refused: toWrite.flatMap((r) => (r.status === 'refused' ? [r.key] : [])),
          withdrawn: toWrite.flatMap((r) => (r.status === 'unsent' ? [r.key] : [])),
          attempted: starting.map((slice) => slice.map((o) => o.key)),
        },
        this.clock.now(),
      );
      if (next >= items.length || opts.signal?.aborted) opts.onLastSlice?.();
      for (const slice of starting) {
        const run: Promise<void> = this.sendSlice(slice, opts.priority ?? 'bulk', opts.signal).then((r) => {
          answered.push(...r);
          results.push(...r);
          inFlight.delete(run);
        });
        inFlight.add(run);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    opts.onLastSlice?.();
    for (const o of items.slice(next)) results.push({ key: o.key, status: 'unsent' });
    return results;
  }

  /**
   * Sends one message under `scope` unless an earlier attempt under the same scope (a job run whose
   * runner died) already got it accepted or left it in doubt: for follow-ups run as durable jobs.
   */
  async sendOnce(scope: string, item: Outgoing, opts: SendOptions = {}): Promise<Delivery> {
    const past = await readJournal(this.conn, scope);
    const receipt = past.accepted.get(item.key);
    if (receipt) return { key: item.key, status: 'sent', ref: receipt, at: receipt.at };
    if (past.inDoubt.has(item.key)) {
      this.logger.warn('message in doubt after a stop, not sent again', { scope, key: item.key });
      return { key: item.key, status: 'inDoubt' };
    }
    const [result] = await this.send(scope, [item], { priority: 'urgent', ...opts });
    return result ?? { key: item.key, status: 'unsent' };
  }

  /**
   * `sendOnce` for a job's one DM: done when sent or in doubt (never twice); throws when Slack refused
   * it for a reason that may pass, so the job runner retries; resolves with the outcome otherwise.
   */
  async sendForJob(jobKey: string, item: Omit<Outgoing, 'key'>, opts: SendOptions = {}): Promise<Delivery> {
    const result = await this.sendOnce(jobKey, { key: jobKey, ...item }, opts);
    if (result.status === 'refused' && !result.permanent)
      throw new Error(`Slack refused the DM: ${result.error}`);
    if (result.status === 'unsent') throw new Error('not sent: the app is stopping');
    return result;
  }

  /** What a dead sender's journal says (accepted and in-doubt keys). */
  recover(scope: string): Promise<JournalState> {
    return readJournal(this.conn, scope);
  }

  /** Drops a scope's journal once its outcomes are recorded where they belong. */
  forget(scope: string): Promise<void> {
    return forgetJournal(this.conn, scope);
  }

  private sendSlice(slice: Outgoing[], priority: SendPriority, stop?: AbortSignal): Promise<Delivery[]> {
    return Promise.all(slice.map((o) => this.sendOne(o, priority, stop)));
  }

  private async sendOne(o: Outgoing, priority: SendPriority, stop?: AbortSignal): Promise<Delivery> {
    try {
      const ref = await this.gateway.sendDm(o.to, o.message, priority, stop);
      return { key: o.key, status: 'sent', ref, at: this.clock.now() };
    } catch (err) {
      // Still waiting for the pacer when the app began to stop: Slack never saw it.
      if (err instanceof SendWithdrawn) return { key: o.key, status: 'unsent' };
      const error = slackErrorCode(err);
      if (!answeredBySlack(err)) {
        this.logger.warn('DM in doubt: Slack gave no answer', { key: o.key, error });
        return { key: o.key, status: 'inDoubt' };
      }
      // The SDK already retried 429s and 5xx; what is left is Slack's final answer.
      const permanent = isUndeliverable(err);
      this.logger.warn(`DM refused by Slack (${permanent ? 'giving up' : 'will retry'})`, {
        key: o.key,
        error,
      });
      return { key: o.key, status: 'refused', permanent, error };
    }
  }
}

// Slack answered (ok:false, or an HTTP error status): nothing was posted. Anything else (no
// response at all) may have been posted.
const ANSWERED = new Set([
  'slack_webapi_platform_error',
  'slack_webapi_http_error',
  'slack_webapi_rate_limited_error',
]);

function answeredBySlack(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ANSWERED.has(code);
}
