import mongoose, { type Connection } from 'mongoose';
import { type HandoverItemDoc, handoverItemModel, type Offboarding, offboardingModel } from '../model.js';

// Equality on the person and the open state first (pushed down by FerretDB), then the reminder's state.
const due = (now: Date) => ({ remindAt: mongoose.trusted({ $lte: now }) });
const inMissions = (ids: readonly string[]) => ({ missionId: mongoose.trusted({ $in: ids }) });
const scheduled = { remindAt: mongoose.trusted({ $ne: null }) };

/** What a person owes in offboardings: open handover items, feedback (freelancer), evaluation (manager). */
const owed = {
  items: (userId: string) => ({ ownerId: userId, open: true, remindedIn: null }),
  feedback: (userId: string) => ({
    freelancerId: userId,
    feedbackState: 'pending' as const,
    closed: false,
    feedbackRemindedIn: null,
  }),
  evaluation: (userId: string) => ({
    managerId: userId,
    evaluationGiven: false,
    closed: false,
    evaluationRemindedIn: null,
  }),
};

/**
 * Marks what `userId` owes on `missionIds` (offboardings in progress), due a reminder at `now` and
 * never reminded, as reminded in `mark`: the condition is in each write, so no two digests list it.
 */
export async function markOwed(
  conn: Connection,
  userId: string,
  missionIds: readonly string[],
  mark: string,
  now: Date,
): Promise<void> {
  if (missionIds.length === 0) return;
  const where = { ...due(now), ...inMissions(missionIds) };
  await handoverItemModel(conn).updateMany(
    { ...owed.items(userId), ...where },
    { $set: { remindedIn: mark } },
  );
  await offboardingModel(conn).updateMany(
    { ...owed.feedback(userId), ...where },
    { $set: { feedbackRemindedIn: mark } },
  );
  await offboardingModel(conn).updateMany(
    { ...owed.evaluation(userId), ...where },
    { $set: { evaluationRemindedIn: mark } },
  );
}

/** Gives back what a digest that did not go had marked. */
export async function unmarkOwed(conn: Connection, userId: string, mark: string): Promise<void> {
  await handoverItemModel(conn).updateMany(
    { ownerId: userId, remindedIn: mark },
    { $set: { remindedIn: null } },
  );
  await offboardingModel(conn).updateMany(
    { freelancerId: userId, feedbackRemindedIn: mark },
    { $set: { feedbackRemindedIn: null } },
  );
  await offboardingModel(conn).updateMany(
    { managerId: userId, evaluationRemindedIn: mark },
    { $set: { evaluationRemindedIn: null } },
  );
}

/** What a digest marked `mark` listed for `userId`: its handover items, feedback and evaluation. */
export async function marked(
  conn: Connection,
  userId: string,
  mark: string,
): Promise<{ items: HandoverItemDoc[]; feedback: Offboarding[]; evaluation: Offboarding[] }> {
  const [items, feedback, evaluation] = await Promise.all([
    handoverItemModel(conn).find({ ownerId: userId, remindedIn: mark }).lean<HandoverItemDoc[]>().exec(),
    offboardingModel(conn)
      .find({ freelancerId: userId, feedbackRemindedIn: mark })
      .lean<Offboarding[]>()
      .exec(),
    offboardingModel(conn)
      .find({ managerId: userId, evaluationRemindedIn: mark })
      .lean<Offboarding[]>()
      .exec(),
  ]);
  return { items, feedback, evaluation };
}

/** Missions where `userId` owes something due a reminder at `now`, never reminded. */
export async function missionsOwing(conn: Connection, userId: string, now: Date): Promise<string[]> {
  const [items, feedback, evaluation] = await Promise.all([
    handoverItemModel(conn)
      .find({ ...owed.items(userId), ...due(now) })
      .select({ missionId: 1 })
      .lean<{ missionId: string }[]>()
      .exec(),
    offboardingModel(conn)
      .find({ ...owed.feedback(userId), ...due(now) })
      .select({ missionId: 1 })
      .lean<{ missionId: string }[]>()
      .exec(),
    offboardingModel(conn)
      .find({ ...owed.evaluation(userId), ...due(now) })
      .select({ missionId: 1 })
      .lean<{ missionId: string }[]>()
      .exec(),
  ]);
  return [...new Set([...items, ...feedback, ...evaluation].map((r) => r.missionId))];
}

/** Drops the reminders of what is owed on missions no longer offboarding (cancelled): nobody's chore. */
export async function dropOwed(conn: Connection, userId: string, missionIds: readonly string[], now: Date) {
  if (missionIds.length === 0) return;
  const where = { ...due(now), ...inMissions(missionIds) };
  await handoverItemModel(conn).updateMany({ ...owed.items(userId), ...where }, { $set: { remindAt: null } });
  // The offboarding's one date serves both forms: a manager's drop leaves the freelancer's feedback due.
  await offboardingModel(conn).updateMany(
    { ...owed.feedback(userId), ...where },
    { $set: { feedbackRemindedIn: 'dropped' } },
  );
  await offboardingModel(conn).updateMany(
    { ...owed.evaluation(userId), ...where },
    { $set: { evaluationRemindedIn: 'dropped' } },
  );
}

/** When the next reminder of something `userId` owes falls due, if any. */
export async function nextOwedReminder(conn: Connection, userId: string): Promise<Date | null> {
  const first = <T>(model: mongoose.Model<T>, filter: Record<string, unknown>) =>
    model
      .findOne({ ...filter, ...scheduled })
      .sort({ remindAt: 1 })
      .select({ remindAt: 1 })
      .lean<{ remindAt: Date | null }>()
      .exec();
  const found = await Promise.all([
    first(handoverItemModel(conn), owed.items(userId)),
    first(offboardingModel(conn), owed.feedback(userId)),
    first(offboardingModel(conn), owed.evaluation(userId)),
  ]);
  const times = found.flatMap((f) => (f?.remindAt ? [f.remindAt.getTime()] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Sets when an offboarding's owed forms are reminded, for one started before reminders were digests. */
export async function setOffboardingRemindAt(conn: Connection, missionId: string, at: Date): Promise<void> {
  await offboardingModel(conn).updateOne({ missionId, remindAt: null }, { $set: { remindAt: at } });
}
