import { randomBytes } from 'node:crypto';
import type { Delivery, Outgoing } from '../../../delivery/dispatcher.js';
import type { CheckinsDeps as Deps } from '../deps.js';
import type { Checkin } from '../model.js';
import { CATCH_UP_MS } from '../planning/service.js';
import {
  type ClaimOutcome,
  claimUnit,
  dueUnits,
  markUnitMissed,
  moveClaim,
  recordDeliveries,
  staleClaims,
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
  /** Claimed, then not sent because the app stopped: back in the queue for the next pass. */
  released: number;
}

export interface DeliveryOptions {
  /** Aborted when the app stops: no new slice goes to Slack, what was sent is recorded. */
  signal?: AbortSignal;
}

const WEEK_MS = 7 * 24 * 3600_000;
/** How long a claim is held before another runner may take it over (a dead runner's unit). */
export const CLAIM_LEASE_MS = 15 * 60_000;

/** The message key of a check-in's DM in the delivery journal. */
const keyOf = (c: Pick<Checkin, '_id'>) => c._id.toHexString();

/**
 * Sends every check-in that is due. Those due more than 12 h ago (downtime) are marked missed; the
 * others are claimed a unit (due minute, lane) at a time — atomically per check-in, so several
 * instances share the work and none is sent twice — and handed to the dispatcher, which journals
 * what Slack accepted as it goes. A dead runner's claims are taken over once their lease ends: what
 * its journal says Slack accepted counts as sent, what it left in doubt is never sent again (the
 * check-in stays open for `/checkin` and the Home, and its reminder goes as usual), the rest is sent.
 * The next unit is claimed while the current one is being sent, so the database never idles Slack.
 */
export async function deliverDue(deps: Deps, now: Date, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, late: 0, retry: 0, undeliverable: 0, inDoubt: 0, released: 0 };
  const owner = randomBytes(6).toString('hex');
  // A lease runs from its claim (a pass over a large minute lasts minutes), never from before the pass.
  const leaseUntil = () => new Date(Math.max(now.getTime(), deps.clock.now().getTime()) + CLAIM_LEASE_MS);
  const records: Promise<void>[] = [];
  /** Sends a claim's DMs; resolves once its last slice is with Slack (the recording goes on after). */
  const send = (token: string, claimed: Checkin[]) =>
    new Promise<void>((lastSlice) => {
      const items = claimed.map(
        (c): Outgoing => ({ key: keyOf(c), to: c.freelancerId, message: checkinMessage(c) }),
      );
      const sent = deps.dispatcher.send(token, items, { signal: opts.signal, onLastSlice: lastSlice });
      const recorded = sent.then((results) => record(deps, token, claimed, results, report));
      // Awaited with the others at the end; a failure (the database gone) is thrown there, and must
      // neither leave the loop waiting nor count as unhandled meanwhile.
      recorded.catch(() => lastSlice());
      records.push(recorded);
    });

  // A dead runner's claims first: they are the oldest.
  for (const [n, stale] of (await staleClaims(deps.db, now)).entries()) {
    if (opts.signal?.aborted) break;
    const token = `${owner}:stale${n}`;
    await send(token, await takeOver(deps, stale, { token, leaseUntil: leaseUntil() }, report));
  }
  const units = await dueUnits(deps.db, now);
  const notBefore = new Date(now.getTime() - CATCH_UP_MS);
  const onTime = units.filter((u) => u.dueAt >= notBefore);
  const claim = (n: number): Promise<[string, Checkin[]]> | undefined => {
    const unit = onTime[n];
    if (!unit || opts.signal?.aborted) return undefined;
    const token = `${owner}:${n}`;
    return claimUnit(deps.db, { token, unit, leaseUntil: leaseUntil() }).then((c) => [token, c]);
  };
  let next = claim(0);
  for (let n = 0; next; n += 1) {
    const [token, claimed] = await next;
    // On FerretDB a claim takes a while: the next one runs while this unit is being sent, and the
    // next unit goes to Slack as soon as this one's last slice is there (two overlap at most).
    next = claim(n + 1);
    await send(token, claimed);
  }
  // After the claims, so the first DMs do not wait (there are late ones only after a downtime).
  if (!opts.signal?.aborted) {
    for (const unit of units.filter((u) => u.dueAt < notBefore)) {
      report.late += await markUnitMissed(deps.db, unit);
    }
  }
  await Promise.all(records);
  return report;
}

/**
 * Takes a dead runner's claim over: its journal decides what was sent (recorded now) and what is in
 * doubt (recorded as sent without a DM); the rest moves to `to.token` and is returned, to be sent.
 */
async function takeOver(
  deps: Deps,
  stale: { token: string; checkins: Checkin[] },
  to: { token: string; leaseUntil: Date },
  report: DeliveryReport,
): Promise<Checkin[]> {
  const journal = await deps.dispatcher.recover(stale.token);
  const settled: Delivery[] = [];
  const rest: Checkin[] = [];
  for (const c of stale.checkins) {
    const key = keyOf(c);
    const receipt = journal.accepted.get(key);
    if (receipt) settled.push({ key, status: 'sent', ref: receipt, at: receipt.at });
    else if (journal.inDoubt.has(key)) settled.push({ key, status: 'inDoubt' });
    else rest.push(c);
  }
  const moved = await moveClaim(deps.db, rest, stale.token, to);
  await record(deps, stale.token, stale.checkins, settled, report);
  return moved;
}

/** Records a claim's outcomes on its check-ins, then drops its journal. */
async function record(
  deps: Deps,
  token: string,
  claimed: Checkin[],
  results: Delivery[],
  report: DeliveryReport,
): Promise<void> {
  const byKey = new Map(claimed.map((c) => [keyOf(c), c]));
  const outcomes: ClaimOutcome[] = [];
  for (const r of results) {
    const c = byKey.get(r.key);
    if (!c) continue;
    if (r.status === 'sent') report.sent += 1;
    else if (r.status === 'inDoubt') report.inDoubt += 1;
    else if (r.status === 'refused' && r.permanent) report.undeliverable += 1;
    else if (r.status === 'refused') report.retry += 1;
    else if (r.status === 'unsent') report.released += 1;
    outcomes.push({ checkin: c, delivery: r });
  }
  // After the claim's last DM: no reminder goes less than its delay after the DM it follows.
  const sentAt = deps.clock.now();
  await recordDeliveries(deps.db, token, outcomes, {
    sentAt,
    reminderAt: new Date(sentAt.getTime() + deps.config.checkinReminderHours * 3600_000),
    closesAt: new Date(sentAt.getTime() + WEEK_MS),
  });
  await deps.dispatcher.forget(token);
}
