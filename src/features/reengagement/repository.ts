import mongoose, { type Connection, Types } from 'mongoose';
import { insertOnce } from '../../db/duplicates.js';
import type { ExportSection } from '../feature.js';
import {
  type NudgedPerson,
  type PingAnswer,
  personModel,
  planModel,
  type ReengagementPlan,
} from './model.js';
import { spacingStart } from './rules.js';

/** Stores the plan of a closed mission once (a replayed closing changes nothing). */
export async function insertPlan(conn: Connection, plan: Omit<ReengagementPlan, '_id'>): Promise<void> {
  await insertOnce(planModel(conn), { missionId: plan.missionId }, plan);
}

/** The plan of a closed mission, or null. */
export function findPlan(conn: Connection, missionId: string): Promise<ReengagementPlan | null> {
  return planModel(conn).findOne({ missionId }).lean<ReengagementPlan>().exec();
}

/** "Stop" (`stopped`) or "snooze until" on a plan; returns the plan as it was, null if none. */
export function updatePlan(
  conn: Connection,
  missionId: string,
  set: Partial<Pick<ReengagementPlan, 'stopped' | 'remindAt' | 'lastAnswer'>>,
): Promise<ReengagementPlan | null> {
  return planModel(conn).findOneAndUpdate({ missionId }, { $set: set }).lean<ReengagementPlan>().exec();
}

/** A nudged person, or null when Passerelle never nudged or pinged them. */
export function personOf(conn: Connection, userId: string): Promise<NudgedPerson | null> {
  return personModel(conn).findOne({ userId }).lean<NudgedPerson>().exec();
}

/**
 * Makes sure the person exists, with `firstPingOn` kept from the first call (a second closing does
 * not start a second chain of pings). Returns the person as stored.
 */
export async function ensurePerson(
  conn: Connection,
  userId: string,
  firstPingOn: string,
): Promise<NudgedPerson> {
  await insertOnce(
    personModel(conn),
    { userId },
    {
      userId,
      lastNudgeAt: null,
      lastNudgeKey: null,
      stopAsking: false,
      firstPingOn,
    },
  );
  const person = await personOf(conn, userId);
  if (!person) throw new Error('nudged person vanished after its insert');
  return person;
}

/** A nudged person by the id of their record (the subject of their pings' messages names no user id). */
export function personById(conn: Connection, id: string): Promise<NudgedPerson | null> {
  return Types.ObjectId.isValid(id)
    ? personModel(conn).findById(id).lean<NudgedPerson>().exec()
    : Promise.resolve(null);
}

/** The last answer to a ping, and when (the pings sent before it say it). */
export async function recordPingAnswer(
  conn: Connection,
  userId: string,
  answer: PingAnswer,
  at: Date,
): Promise<void> {
  const from = answer.kind === 'available' ? answer.from : null;
  await personModel(conn).updateOne(
    { userId },
    { $set: { lastAnswer: { kind: answer.kind, from, at } } },
    { upsert: true },
  );
}

/** "Stop asking" about availability. */
export async function stopAsking(conn: Connection, userId: string): Promise<void> {
  await personModel(conn).updateOne({ userId }, { $set: { stopAsking: true } }, { upsert: true });
}

/**
 * Takes the person's weekly window for the job `key`, in one conditional update: it succeeds when
 * no nudge went in the last week, or when this same job holds the window (its retry after a crash
 * or a refused send). Two jobs due at once for one person: one wins, the other is told when to
 * come back (the winner's time + a week). Returns null when taken, else the holder's time.
 */
export async function claimNudgeWindow(
  conn: Connection,
  userId: string,
  key: string,
  now: Date,
): Promise<{ heldSince: Date } | null> {
  const people = personModel(conn);
  await insertOnce(
    people,
    { userId },
    {
      userId,
      lastNudgeAt: null,
      lastNudgeKey: null,
      stopAsking: false,
      firstPingOn: null,
    },
  );
  const claimed = await people.findOneAndUpdate(
    {
      userId,
      $or: [
        { lastNudgeAt: null },
        { lastNudgeAt: mongoose.trusted({ $lte: spacingStart(now) }) },
        { lastNudgeKey: key },
      ],
    },
    { $set: { lastNudgeAt: now, lastNudgeKey: key } },
  );
  if (claimed) return null;
  const holder = await personOf(conn, userId);
  return { heldSince: holder?.lastNudgeAt ?? now };
}

/** Whether an id is a mission id (buttons carry it; a forged one finds nothing). */
export function isMissionId(id: string): boolean {
  return Types.ObjectId.isValid(id) && /^[a-f0-9]{24}$/.test(id);
}

/** Every plan naming the person (as manager or freelancer), and their nudge record. */
export async function reengagementOf(
  conn: Connection,
  userId: string,
): Promise<Record<string, ExportSection>> {
  const [asManager, asFreelancer, person] = await Promise.all([
    planModel(conn).find({ managerId: userId }).lean<ReengagementPlan[]>().exec(),
    planModel(conn).find({ freelancerId: userId }).lean<ReengagementPlan[]>().exec(),
    personOf(conn, userId),
  ]);
  const plan = (p: ReengagementPlan) => ({
    missionId: p.missionId,
    title: p.title,
    skills: p.skills,
    closedAt: p.closedAt,
    manager: p.managerId,
    freelancer: p.freelancerId,
    nudgesStopped: p.stopped,
    nudgesSnoozedUntil: p.snoozedUntil,
  });
  return {
    reengagement: {
      description: 'privacy.export.section.reengagement',
      missionsYouManagedThatEndedWell: asManager.map(plan),
      yourMissionsThatEndedWell: asFreelancer.map(plan),
      messagesToYou: person
        ? {
            lastNudgeOrPingAt: person.lastNudgeAt,
            stopAskingAboutAvailability: person.stopAsking,
            firstAvailabilityQuestionOn: person.firstPingOn,
          }
        : null,
    },
  };
}

/** Erasure: no nudge names them any more (their queued nudge jobs find no plan and do nothing). */
export async function eraseReengagementOf(conn: Connection, userId: string): Promise<void> {
  await planModel(conn).deleteMany({ managerId: userId });
  await planModel(conn).deleteMany({ freelancerId: userId });
  await personModel(conn).deleteOne({ userId });
}
