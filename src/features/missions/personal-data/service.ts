import type { Connection } from 'mongoose';
import { handoverWithout } from '../../../erasure.js';
import type { ErasureSubject, PersonalData } from '../../feature.js';
import { type HistoryEntry, type Mission, missionModel } from '../model.js';
import { isOpen } from '../rules.js';

/** Check-ins of a mission whose freelancer was erased stop for good (the mission's status stays for the counts). */
const PAUSED_FOR_GOOD = '9999-12-31';

/**
 * The missions where the person is freelancer, manager or buddy, acted in the history, or confirmed
 * or waived an item of the handover card.
 */
function missionsNaming(conn: Connection, userId: string): Promise<Mission[]> {
  return missionModel(conn)
    .find({
      $or: [
        { freelancerId: userId },
        { managerId: userId },
        { buddyId: userId },
        { 'history.by': userId },
        { 'handover.by': userId },
      ],
    })
    .lean<Mission[]>()
    .exec();
}

/** What a mission's export shows: the mission, and only their own lines of its history. */
function exported(m: Mission, userId: string) {
  const mine = (m.history ?? []).filter((h) => h.by === userId);
  const base = {
    id: m._id.toString(),
    title: m.title,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    skills: m.skills,
    historyByYou: mine.map(({ at, action, from, to }) => ({ at, action, from, to })),
  };
  if (m.freelancerId !== userId) return base;
  return {
    ...base,
    brief: m.brief,
    objectives: m.objectives,
    managerId: m.managerId,
    buddyId: m.buddyId,
    language: m.freelancerLocale,
    checkinSlot: m.checkin,
    onboardingCompletedAt: m.onboardingCompletedAt,
  };
}

/**
 * Missions' personal data: the missions of a freelancer (with brief, objectives, check-in slot and
 * zone), those they manage or are buddy of (title, dates, status — not the freelancer's data), and
 * their lines of each history. Erasure replaces their id by the pseudonym everywhere (the missions
 * stay for the counts by status; the handover card's items they confirmed or waived lose the links or
 * reason they wrote), empties a freelancer's brief, objectives, language and DM reference,
 * and stops the check-ins of their open missions.
 */
export function missionsPersonalData(conn: Connection): PersonalData {
  return {
    async export(userId) {
      const missions = await missionsNaming(conn, userId);
      const as = (role: 'freelancerId' | 'managerId' | 'buddyId') =>
        missions.filter((m) => m[role] === userId).map((m) => exported(m, userId));
      return {
        missionsAsFreelancer: as('freelancerId'),
        missionsAsManager: as('managerId'),
        missionsAsBuddy: as('buddyId'),
        missionHistoryByYou: missions
          .filter((m) => m.freelancerId !== userId && m.managerId !== userId && m.buddyId !== userId)
          .map((m) => ({ id: m._id.toString(), history: exported(m, userId).historyByYou })),
      };
    },
    async erase(userId, subject: ErasureSubject) {
      // A mission changed between the read and the write (a tick, a correction) is read again: the
      // write is conditional on `updatedAt`, so no history line written meanwhile is lost.
      for (let round = 0; round < 5; round += 1) {
        const missions = await missionsNaming(conn, userId);
        if (missions.length === 0) return;
        for (const m of missions) await eraseFrom(conn, m, userId, subject);
      }
      throw new Error('missions kept changing during the erasure; it will be retried');
    },
  };
}

/** Rewrites one mission without the person, if it did not change since it was read. */
async function eraseFrom(
  conn: Connection,
  m: Mission,
  userId: string,
  subject: ErasureSubject,
): Promise<void> {
  const alias = (id: string | null) => (id === userId ? subject.pseudonym : id);
  const history: HistoryEntry[] = (m.history ?? []).map((h) => ({
    ...h,
    by: alias(h.by) ?? h.by,
    ...(h.details !== undefined ? { details: h.details.split(userId).join(subject.pseudonym) } : {}),
  }));
  const asFreelancer = m.freelancerId === userId;
  await missionModel(conn).updateOne(
    { _id: m._id, updatedAt: m.updatedAt },
    {
      $set: {
        freelancerId: alias(m.freelancerId),
        managerId: alias(m.managerId),
        buddyId: alias(m.buddyId),
        history,
        handover: handoverWithout(m.handover ?? [], userId, subject.pseudonym),
        ...(asFreelancer
          ? {
              brief: '',
              objectives: '',
              freelancerLocale: null,
              freelancerChecklistMessage: null,
              ...(isOpen(m.status) ? { 'checkin.pausedUntil': PAUSED_FOR_GOOD } : {}),
            }
          : {}),
        ...(m.managerId === userId ? { managerChecklistMessage: null } : {}),
      },
    },
  );
}
