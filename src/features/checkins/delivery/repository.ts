import mongoose, { type Connection, type Types } from 'mongoose';
import { insertNew } from '../../../db/duplicates.js';
import type { MessageRef } from '../../../db/schemas.js';
import type { Delivery } from '../../../delivery/dispatcher.js';
import { dirty } from '../../../rollups.js';
import { type Checkin, checkinMessageModel, checkinModel } from '../model.js';

/**
 * Check-ins due at the same minute are spread over this many lanes (from the mission id): a delivery
 * claims one (due minute, lane) unit at a time with equality filters only, which FerretDB hands to
 * PostgreSQL instead of decoding the whole collection as it does for ranges and `$in`.
 */
export const LANES = 64;

/** A mission's lane: the low bits of its id's counter, so that missions created in a row spread evenly. */
export function laneOf(missionId: Types.ObjectId): number {
  return Number.parseInt(missionId.toHexString().slice(-6), 16) % LANES;
}

/** The check-ins due at one minute in one lane: what a runner claims at once. */
export interface DueUnit {
  dueAt: Date;
  lane: number;
}

/**
 * The units with a scheduled check-in due by `now`, oldest first: the one read of a delivery pass
 * (those due too long ago are marked missed by unit, the others claimed by unit).
 */
export async function dueUnits(conn: Connection, now: Date): Promise<DueUnit[]> {
  const rows = await checkinModel(conn)
    .aggregate<{ _id: { dueAt: Date; lane: number } }>([
      { $match: { status: 'scheduled', dueAt: mongoose.trusted({ $lte: now }) } },
      { $group: { _id: { dueAt: '$dueAt', lane: '$lane' } } },
    ])
    .exec();
  return rows
    .map((r) => ({ dueAt: r._id.dueAt, lane: r._id.lane }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.lane - b.lane);
}

/** A unit due more than the catch-up window ago and never sent: missed, not sent late. */
export async function markUnitMissed(
  conn: Connection,
  unit: Pick<DueUnit, 'dueAt' | 'lane'>,
): Promise<number> {
  const res = await checkinModel(conn).updateMany(
    { status: 'scheduled', dueAt: unit.dueAt, lane: unit.lane },
    { $set: { status: 'missed', outcome: 'late' } },
  );
  return res.modifiedCount;
}

/**
 * Claims a unit's scheduled check-ins for `token` and returns them. Atomic per check-in: a runner
 * that claims the same unit a moment later matches nothing (`status: 'scheduled'` no longer holds).
 * Two commands, both equality filters on indexed fields.
 */
export async function claimUnit(
  conn: Connection,
  opts: { token: string; unit: Pick<DueUnit, 'dueAt' | 'lane'>; leaseUntil: Date },
): Promise<Checkin[]> {
  const model = checkinModel(conn);
  await model.updateMany(
    { status: 'scheduled', dueAt: opts.unit.dueAt, lane: opts.unit.lane },
    { $set: { status: 'sending', claimOwner: opts.token, claimExpiresAt: opts.leaseUntil } },
  );
  return claimedBy(conn, opts.token);
}

/**
 * The claims whose runner died (lease expired), by claim token, each with its check-ins: one range
 * read per pass, usually empty.
 */
export async function staleClaims(
  conn: Connection,
  now: Date,
): Promise<{ token: string; checkins: Checkin[] }[]> {
  const rows = await checkinModel(conn)
    .find({ status: 'sending', claimExpiresAt: mongoose.trusted({ $lte: now }) })
    .lean<Checkin[]>()
    .exec();
  const byToken = new Map<string, Checkin[]>();
  for (const c of rows) {
    if (!c.claimOwner) continue;
    byToken.set(c.claimOwner, [...(byToken.get(c.claimOwner) ?? []), c]);
  }
  return [...byToken].map(([token, checkins]) => ({ token, checkins }));
}

/**
 * Moves check-ins from a dead runner's claim to `to.token`, each only if it is still that claim's
 * (so that one taker wins), and returns those this call got.
 */
export async function moveClaim(
  conn: Connection,
  checkins: Pick<Checkin, '_id'>[],
  from: string,
  to: { token: string; leaseUntil: Date },
): Promise<Checkin[]> {
  if (checkins.length === 0) return [];
  await checkinModel(conn).updateMany(
    { _id: mongoose.trusted({ $in: checkins.map((c) => c._id) }), status: 'sending', claimOwner: from },
    { $set: { claimOwner: to.token, claimExpiresAt: to.leaseUntil } },
  );
  return claimedBy(conn, to.token);
}

function claimedBy(conn: Connection, token: string): Promise<Checkin[]> {
  return checkinModel(conn).find({ claimOwner: token, status: 'sending' }).lean<Checkin[]>().exec();
}

/** What became of one claimed check-in's DM. */
export interface ClaimOutcome {
  checkin: Pick<Checkin, '_id' | 'editableUntil'>;
  delivery: Delivery;
}

/** When a claim's DMs count as sent (after the last of them), and what follows from it. */
export interface SentTimes {
  sentAt: Date;
  /** When an unanswered one is reminded (sending hours are applied when it is due). */
  reminderAt: Date;
  /** When an unanswered one closes if it has no next check-in (`editableUntil` null). */
  closesAt: Date;
}

/**
 * Records a claim's outcomes: first those that did not go (refused: back to the queue or, when it can
 * never go, missed; not handed to Slack: back to the queue), one command per kind; then the sent ones
 * — and those in doubt, which count as sent without a DM — with one insert of their DMs (in
 * `checkin_messages`) and one update per distinct `editableUntil` (usually one), by equality so that
 * FerretDB reads the collection once per command instead of once per check-in. Only this claim's
 * check-ins (`claimOwner: token`) move: one whose lease another runner took stays.
 */
export async function recordDeliveries(
  conn: Connection,
  token: string,
  outcomes: ClaimOutcome[],
  times: SentTimes,
): Promise<void> {
  if (outcomes.length === 0) return;
  const model = checkinModel(conn);
  const release = { claimOwner: null, claimExpiresAt: null };
  const ids = (keep: (d: Delivery) => boolean) =>
    outcomes.filter((o) => keep(o.delivery)).map((o) => o.checkin._id);
  const back = ids((d) => d.status === 'unsent' || (d.status === 'refused' && !d.permanent));
  const gone = ids((d) => d.status === 'refused' && d.permanent);
  for (const [list, set] of [
    [back, { ...release, status: 'scheduled' }],
    [gone, { ...release, status: 'missed', outcome: 'undeliverable' }],
  ] as const) {
    if (list.length === 0) continue;
    await model.updateMany(
      { _id: mongoose.trusted({ $in: list }), claimOwner: token, status: 'sending' },
      { $set: set },
    );
  }
  const sent = outcomes.filter((o) => o.delivery.status === 'sent' || o.delivery.status === 'inDoubt');
  if (sent.length === 0) return;
  await insertNew(
    checkinMessageModel(conn),
    sent.flatMap(({ checkin, delivery: d }) =>
      d.status === 'sent' ? [{ _id: checkin._id, channel: d.ref.channel, ts: d.ref.ts }] : [],
    ),
  );
  const groups = new Map<number | null, Date | null>();
  for (const { checkin } of sent) groups.set(checkin.editableUntil?.getTime() ?? null, checkin.editableUntil);
  for (const editableUntil of groups.values()) {
    await model.updateMany(
      { claimOwner: token, status: 'sending', editableUntil },
      dirty({
        $set: {
          ...release,
          status: 'sent',
          sentAt: times.sentAt,
          reminderAt: times.reminderAt,
          closesAt: editableUntil ?? times.closesAt,
        },
      }),
    );
  }
}

/** Where a sent check-in's DM is. */
export async function messageOf(conn: Connection, c: Pick<Checkin, '_id'>): Promise<MessageRef | null> {
  const ref = await checkinMessageModel(conn).findById(c._id).lean<{ channel: string; ts: string }>().exec();
  return ref ? { channel: ref.channel, ts: ref.ts } : null;
}

/** Sent check-ins whose reminder is due. */
export function remindersDue(conn: Connection, now: Date, limit: number): Promise<Checkin[]> {
  return checkinModel(conn)
    .find({ status: 'sent', reminderAt: mongoose.trusted({ $lte: now }) })
    .sort({ reminderAt: 1 })
    .limit(limit)
    .lean<Checkin[]>()
    .exec();
}

/**
 * Moves a check-in's reminder (to later, or to null once sent or dropped), only if nobody did it in
 * between: the condition on the current `reminderAt` makes the claim atomic.
 */
export async function moveReminder(
  conn: Connection,
  c: Pick<Checkin, '_id' | 'reminderAt'>,
  set: Partial<Pick<Checkin, 'reminderAt' | 'reminderSentAt' | 'closesAt'>>,
): Promise<boolean> {
  const res = await checkinModel(conn).updateOne(
    { _id: c._id, status: 'sent', reminderAt: c.reminderAt },
    { $set: set },
  );
  return res.modifiedCount === 1;
}
