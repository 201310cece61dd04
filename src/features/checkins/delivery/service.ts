import { randomBytes } from 'node:crypto';
import { isUndeliverable, slackErrorCode } from '../../../slack/errors.js';
import type { CheckinsDeps as Deps } from '../deps.js';
import type { Checkin } from '../model.js';
import { CATCH_UP_MS } from '../planning/service.js';
import {
  claimUnit,
  type DeliveryResult,
  dueUnits,
  markUnitMissed,
  recordDeliveries,
  takeOverStale,
} from './repository.js';
import { checkinMessage } from './views.js';

/** What one delivery pass did. */
export interface DeliveryReport {
  sent: number;
  late: number;
  retry: number;
  undeliverable: number;
  /** Handed to Slack when a runner died, never confirmed: not sent again (at most once). */
  inDoubt: number;
}

export interface DeliveryOptions {
  /** The next unit is claimed once fewer than this many DMs wait in the pacer. */
  claimAhead?: number;
  /** Aborted when the app stops: no new unit is claimed, what was sent is recorded. */
  signal?: AbortSignal;
}

const WEEK_MS = 7 * 24 * 3600_000;
/** How long a claim is held before another runner may take it over (a dead runner's unit). */
export const CLAIM_LEASE_MS = 15 * 60_000;

/**
 * Sends every check-in that is due: check-ins due more than 12 h ago (downtime) are marked missed,
 * the others are claimed a unit (due minute, lane) at a time — atomically per check-in, so several
 * instances share the work and none is sent twice —, sent through the gateway's pacer as bulk DMs,
 * and recorded unit by unit. A check-in counts as sent only once Slack accepted it; a failed send goes
 * back to the queue for the next pass. The next unit is claimed while the current one is still being
 * sent, so the database never idles the pacer.
 */
export async function deliverDue(deps: Deps, now: Date, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const claimAhead = opts.claimAhead ?? 500;
  // A lease runs from its claim (a pass over a large minute lasts minutes), never from before the pass.
  const leaseUntil = () => new Date(Math.max(now.getTime(), deps.clock.now().getTime()) + CLAIM_LEASE_MS);
  const notBefore = new Date(now.getTime() - CATCH_UP_MS);
  const report: DeliveryReport = { sent: 0, late: 0, retry: 0, undeliverable: 0, inDoubt: 0 };
  const owner = randomBytes(6).toString('hex');
  const pacer = deps.gateway.sendPacer;
  const batches: Promise<void>[] = [];
  const send = (token: string, claimed: Checkin[]) => {
    if (claimed.length > 0) batches.push(sendBatch(deps, token, claimed, report));
  };
  // A dead runner's claims first: they are the oldest.
  const staleToken = `${owner}:stale`;
  send(
    staleToken,
    await takeOverStale(deps.db, { token: staleToken, now, size: claimAhead, leaseUntil: leaseUntil() }),
  );
  const units = await dueUnits(deps.db, now);
  const late = units.filter((u) => u.dueAt < notBefore);
  for (const [n, unit] of units.filter((u) => u.dueAt >= notBefore).entries()) {
    // On FerretDB a claim and the previous unit's record take a few seconds: claim while a whole
    // batch still waits in the pacer.
    await pacer.belowWaiting(claimAhead);
    const token = `${owner}:${n}`;
    send(token, await claimUnit(deps.db, { token, unit, leaseUntil: leaseUntil() }));
  }
  // After the claims, so the first DMs do not wait (there are late ones only after a downtime).
  for (const unit of late) report.late += await markUnitMissed(deps.db, unit);
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
  // After the batch's last DM: no reminder goes less than its delay after the DM it follows.
  const sentAt = deps.clock.now();
  await recordDeliveries(deps.db, token, results, {
    sentAt,
    reminderAt: new Date(sentAt.getTime() + deps.config.checkinReminderHours * 3600_000),
    closesAt: new Date(sentAt.getTime() + WEEK_MS),
  });
}

async function sendOne(deps: Deps, c: Checkin): Promise<DeliveryResult> {
  try {
    const message = await deps.gateway.sendDm(c.freelancerId, checkinMessage(c), 'bulk');
    return { id: c._id, sent: true, message, editableUntil: c.editableUntil };
  } catch (err) {
    const permanent = isUndeliverable(err);
    // The SDK already retried 429s and 5xx; what is left goes back to the queue for the next pass.
    deps.logger.warn(`check-in DM not delivered (${permanent ? 'giving up' : 'will retry'})`, {
      checkin: c._id.toString(),
      error: slackErrorCode(err),
    });
    return { id: c._id, sent: false, retry: !permanent };
  }
}
