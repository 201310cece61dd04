import { type Connection, Types } from 'mongoose';
import { insertNew, insertOnce } from '../../db/duplicates.js';
import { dirty } from '../../rollups.js';
import {
  type Evaluation,
  type Feedback,
  type HandoverItemDoc,
  handoverItemModel,
  type Offboarding,
  offboardingModel,
} from './model.js';

/** Creates a mission's offboarding once (a second start finds it). Returns true when created now. */
export function insertOffboarding(conn: Connection, doc: Omit<Offboarding, '_id'>): Promise<boolean> {
  return insertOnce(offboardingModel(conn), { missionId: doc.missionId }, doc);
}

/** Creates the handover items not created yet (unique by mission and index). */
export function insertItems(conn: Connection, items: Omit<HandoverItemDoc, '_id'>[]): Promise<number> {
  return insertNew(handoverItemModel(conn), items);
}

export function findOffboarding(conn: Connection, missionId: string): Promise<Offboarding | null> {
  return offboardingModel(conn).findOne({ missionId }).lean<Offboarding>().exec();
}

/**
 * Hands an open offboarding over to the mission's new manager: its owed evaluation (Home) and the
 * open handover items the manager owns. Returns the previous manager, or null when nothing moved
 * (no offboarding, closed, or the same manager). Confirmed and waived items keep who owned them.
 */
export async function moveOffboardingManager(
  conn: Connection,
  missionId: string,
  managerId: string,
): Promise<string | null> {
  const current = await findOffboarding(conn, missionId);
  if (!current || current.closed || current.managerId === managerId) return null;
  await handoverItemModel(conn).updateMany(
    { missionId, owner: 'manager', open: true },
    { $set: { ownerId: managerId } },
  );
  await offboardingModel(conn).updateOne({ missionId, closed: false }, dirty({ $set: { managerId } }));
  return current.managerId;
}

/** A mission's handover items, in template order. */
export function itemsOfMission(conn: Connection, missionId: string): Promise<HandoverItemDoc[]> {
  return handoverItemModel(conn).find({ missionId }).sort({ index: 1 }).lean<HandoverItemDoc[]>().exec();
}

export async function findItem(conn: Connection, id: string): Promise<HandoverItemDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return handoverItemModel(conn).findById(id).lean<HandoverItemDoc>().exec();
}

/** How many of a mission's items are neither confirmed nor waived. */
export function countOpenItems(conn: Connection, missionId: string): Promise<number> {
  return handoverItemModel(conn).countDocuments({ missionId, open: true }).exec();
}

/** A person's open items (Home), served by {ownerId, open}. */
export function openItemsOwnedBy(conn: Connection, ownerId: string): Promise<HandoverItemDoc[]> {
  return handoverItemModel(conn).find({ ownerId, open: true }).limit(50).lean<HandoverItemDoc[]>().exec();
}

/**
 * Settles an open item (confirmed or waived), only if it is still open: a double click or two
 * people at once settle it once. Returns the settled item, or null.
 */
export function settleItem(
  conn: Connection,
  id: Types.ObjectId,
  change: { state: 'confirmed' | 'waived'; by: string; at: Date; reason?: string; links?: string[] },
): Promise<HandoverItemDoc | null> {
  return handoverItemModel(conn)
    .findOneAndUpdate(
      { _id: id, open: true },
      {
        $set: {
          state: change.state,
          open: false,
          by: change.by,
          at: change.at,
          reason: change.reason ?? null,
          links: change.links ?? [],
        },
      },
      { returnDocument: 'after' },
    )
    .lean<HandoverItemDoc>()
    .exec();
}

/** Stores the feedback once (while still pending). Returns the updated offboarding, or null. */
export function storeFeedback(conn: Connection, missionId: string, feedback: Feedback) {
  return offboardingModel(conn)
    .findOneAndUpdate(
      { missionId, feedbackState: 'pending', closed: false },
      dirty({ $set: { feedback, feedbackState: 'given' } }),
      { returnDocument: 'after' },
    )
    .lean<Offboarding>()
    .exec();
}

/** After the 7 days: a feedback still pending is recorded as not given. */
export async function markFeedbackNotGiven(conn: Connection, missionId: string): Promise<void> {
  await offboardingModel(conn).updateOne(
    { missionId, feedbackState: 'pending' },
    dirty({ $set: { feedbackState: 'notGiven' } }),
  );
}

/** Stores the evaluation once. Returns the updated offboarding, or null when one was already in. */
export function storeEvaluation(conn: Connection, missionId: string, evaluation: Evaluation) {
  return offboardingModel(conn)
    .findOneAndUpdate(
      { missionId, evaluationGiven: false, closed: false },
      dirty({ $set: { evaluation, evaluationGiven: true } }),
      { returnDocument: 'after' },
    )
    .lean<Offboarding>()
    .exec();
}

export async function markClosed(conn: Connection, missionId: string, at: Date): Promise<void> {
  await offboardingModel(conn).updateOne(
    { missionId, closed: false },
    dirty({ $set: { closed: true, closedAt: at } }),
  );
}

/** Offboardings not marked closed (few: those in progress), by equality on the flag. */
export function openOffboardings(conn: Connection): Promise<Offboarding[]> {
  return offboardingModel(conn)
    .find({ closed: false })
    .select({ feedback: 0, evaluation: 0 })
    .limit(500)
    .lean<Offboarding[]>()
    .exec();
}

/** Open offboardings where the freelancer still owes the feedback (Home), by {freelancerId, feedbackState}. */
export function feedbackOwedBy(conn: Connection, freelancerId: string): Promise<Offboarding[]> {
  return offboardingModel(conn)
    .find({ freelancerId, feedbackState: 'pending', closed: false })
    .select({ feedback: 0, evaluation: 0 })
    .limit(20)
    .lean<Offboarding[]>()
    .exec();
}

/** Open offboardings where the manager still owes the evaluation (Home), by {managerId, evaluationGiven}. */
export function evaluationOwedBy(conn: Connection, managerId: string): Promise<Offboarding[]> {
  return offboardingModel(conn)
    .find({ managerId, evaluationGiven: false, closed: false })
    .select({ feedback: 0, evaluation: 0 })
    .limit(20)
    .lean<Offboarding[]>()
    .exec();
}
