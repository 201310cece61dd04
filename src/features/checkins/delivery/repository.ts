import mongoose, { type Connection, type Types } from 'mongoose';
import { insertNew } from '../../../db/duplicates.js';
import type { MessageRef } from '../../../db/schemas.js';
import { type Checkin, checkinMessageModel, checkinModel } from '../model.js';

/**
 * Check-ins due at the same minute are spread over this many lanes (from the mission id): a delivery
 * claims one (due minute, lane) unit at a time with equality filters only, which FerretDB hands to
 * PostgreSQL instead of decoding the whole collection as it does for ranges and `$in`.
 */
export const LANES = 16;

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
 * Takes over the claims whose runner died (lease expired), up to `size`: each only if it is still
 * that runner's, so that one taker wins.
 */
export async function takeOverStale(
  conn: Connection,
  opts: { token: string; now: Date; size: number; leaseUntil: Date },
): Promise<Checkin[]> {
  const model = checkinModel(conn);
  const stale = await model
    .find({ status: 'sending', claimExpiresAt: mongoose.trusted({ $lte: opts.now }) })
    .limit(opts.size)
    .select({ _id: 1, claimOwner: 1 })
    .lean<{ _id: Types.ObjectId; claimOwner: string | null }[]>()
    .exec();
  if (stale.length === 0) return [];
  for (const s of stale) {
    await model.updateOne(
      { _id: s._id, status: 'sending', claimOwner: s.claimOwner },
      { $set: { claimOwner: opts.token, claimExpiresAt: opts.leaseUntil } },
    );
  }
  return claimedBy(conn, opts.token);
}

function claimedBy(conn: Connection, token: string): Promise<Checkin[]> {
  return checkinModel(conn).find({ claimOwner: token, status: 'sending' }).lean<Checkin[]>().exec();
}

/** What became of one claimed check-in. */
export type DeliveryResult =
  | { id: Types.ObjectId; sent: true; message: MessageRef; editableUntil: Date | null }
  | { id: Types.ObjectId; sent: false; retry: boolean };

/** When a batch's DMs count as sent (after the last of them), and what follows from it. */
export interface SentTimes {
  sentAt: Date;
  /** When an unanswered one is reminded (sending hours are applied when it is due). */
  reminderAt: Date;
  /** When an unanswered one closes if it has no next check-in (`editableUntil` null). */
  closesAt: Date;
}

/**
 * Records a batch's results: the few that failed one by one, then the sent ones with one insert (their
 * DMs, in `checkin_messages`) and one update per distinct `editableUntil` (usually one), all by equality
 * so that FerretDB reads the collection once per command instead of once per check-in.
 * Only this claim's check-ins (`claimOwner: token`) move: one whose lease another runner took stays.
 */
export async function recordDeliveries(
  conn: Connection,
  token: string,
  results: DeliveryResult[],
  times: SentTimes,
): Promise<void> {
  if (results.length === 0) return;
  const model = checkinModel(conn);
  const release = { claimOwner: null, claimExpiresAt: null };
  for (const r of results) {
    if (r.sent) continue;
    await model.updateOne(
      { _id: r.id, claimOwner: token, status: 'sending' },
      {
        $set: r.retry
          ? { ...release, status: 'scheduled' }
          : { ...release, status: 'missed', outcome: 'undeliverable' },
      },
    );
  }
  const sent = results.filter((r): r is Extract<DeliveryResult, { sent: true }> => r.sent);
  if (sent.length === 0) return;
  await insertNew(
    checkinMessageModel(conn),
    sent.map((r) => ({ _id: r.id, channel: r.message.channel, ts: r.message.ts })),
  );
  const groups = new Map<number | null, Date | null>();
  for (const r of sent) groups.set(r.editableUntil?.getTime() ?? null, r.editableUntil);
  for (const editableUntil of groups.values()) {
    await model.updateMany(
      { claimOwner: token, status: 'sending', editableUntil },
      {
        $set: {
          ...release,
          status: 'sent',
          sentAt: times.sentAt,
          reminderAt: times.reminderAt,
          closesAt: editableUntil ?? times.closesAt,
        },
      },
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

/** Sent check-ins still unanswered when they close: the week counts as missed. */
export async function closeUnanswered(conn: Connection, now: Date): Promise<number> {
  const res = await checkinModel(conn).updateMany(
    { status: 'sent', closesAt: mongoose.trusted({ $lte: now }) },
    { $set: { status: 'missed', outcome: 'unanswered', reminderAt: null } },
  );
  return res.modifiedCount;
}
