import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.js';
import { isPlatformError } from '../../slack/user-directory.js';
import { checkinMessage } from './delivery-views.js';
import type { Checkin } from './model.js';
import { CATCH_UP_MS } from './plan.js';
import { claimDue, type DeliveryResult, markLateAsMissed, recordDeliveries } from './repository.js';

/** What one delivery pass did. */
export interface DeliveryReport {
  sent: number;
  late: number;
  retry: number;
  undeliverable: number;
}

export interface DeliveryOptions {
  /** Check-ins claimed per batch: three commands claim a batch, one records it. */
  batchSize?: number;
  /** How long a claim is held before another runner may take it over (a dead runner's batch). */
  leaseMs?: number;
}

const WEEK_MS = 7 * 24 * 3600_000;

// The person cannot receive this DM at all: retrying would fail the same way.
const PERMANENT = [
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'channel_not_found',
  'is_archived',
];

/**
 * Sends every check-in that is due: check-ins due more than 12 h ago (downtime) are marked missed,
 * the others are claimed in batches (atomically per check-in, so several instances share the work and
 * none is sent twice), sent through the gateway's pacer as bulk DMs, and recorded batch by batch. A
 * check-in counts as sent only once Slack accepted it; a failed send goes back to the queue. The next
 * batch is claimed while the current one is still being sent, so the database never idles the pacer.
 */
export async function deliverDue(deps: Deps, now: Date, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const batchSize = opts.batchSize ?? 500;
  const leaseMs = opts.leaseMs ?? 15 * 60_000;
  const report: DeliveryReport = { sent: 0, late: 0, retry: 0, undeliverable: 0 };
  report.late = await markLateAsMissed(deps.db, new Date(now.getTime() - CATCH_UP_MS));
  const owner = randomBytes(6).toString('hex');
  const pacer = deps.gateway.sendPacer;
  const batches: Promise<void>[] = [];
  for (let n = 0; ; n++) {
    // Claim the next batch while a whole one is still waiting: on FerretDB a claim and the previous
    // batch's record take several seconds, which half a batch (5 s at 50/s) does not always cover.
    await pacer.belowWaiting(batchSize);
    const token = `${owner}:${n}`;
    const claimed = await claimDue(deps.db, {
      token,
      now,
      notBefore: new Date(now.getTime() - CATCH_UP_MS),
      size: batchSize,
      leaseMs,
    });
    if (claimed.length === 0) break;
    batches.push(sendBatch(deps, token, claimed, report));
  }
  await Promise.all(batches);
  return report;
}

async function sendBatch(deps: Deps, token: string, batch: Checkin[], report: DeliveryReport): Promise<void> {
  const results = await Promise.all(batch.map((c) => sendOne(deps, c)));
  for (const r of results) {
    if (r.sent) report.sent += 1;
    else if (r.retry) report.retry += 1;
    else report.undeliverable += 1;
  }
  await recordDeliveries(deps.db, token, results);
}

async function sendOne(deps: Deps, c: Checkin): Promise<DeliveryResult> {
  try {
    const message = await deps.gateway.sendDm(c.freelancerId, checkinMessage(c), 'bulk');
    const sentAt = deps.clock.now();
    const reminderAt = new Date(sentAt.getTime() + deps.config.checkinReminderHours * 3600_000);
    return {
      id: c._id,
      sent: true,
      message,
      sentAt,
      reminderAt,
      closesAt: c.editableUntil ?? new Date(sentAt.getTime() + WEEK_MS),
      editableUntil: c.editableUntil,
    };
  } catch (err) {
    const permanent = PERMANENT.some((code) => isPlatformError(err, code));
    // The SDK already retried 429s and 5xx; what is left goes back to the queue for the next pass.
    deps.logger.warn(`check-in DM not delivered (${permanent ? 'giving up' : 'will retry'})`, {
      checkin: c._id.toString(),
      error: (err as { data?: { error?: string }; message?: string }).data?.error ?? (err as Error).message,
    });
    return { id: c._id, sent: false, retry: !permanent };
  }
}
