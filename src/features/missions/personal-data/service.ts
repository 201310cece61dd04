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
  const role = m.freelancerId === userId ? 'freelancer' : m.managerId === userId ? 'manager' : 'buddy';
  const base = {
    missionId: m._id.toString(),
    youWere: role,
    title: m.title,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    skills: m.skills,
    yourHistory: (m.history ?? [])
      .filter((h) => h.by === userId)
      .map(({ at, action, from, to }) => ({ at, action, fromStatus: from ?? null, toStatus: to ?? null })),
  };
  if (role !== 'freelancer') return base;
  const slot = m.checkin;
  return {
    ...base,
    brief: m.brief,
    objectives: m.objectives,
    manager: m.managerId,
    buddy: m.buddyId,
    teamChannel: m.channelId,
    language: m.freelancerLocale,
    weeklyCheckin: {
      isoWeekday: slot.weekday,
      time: slot.time,
      timeZone: slot.timezone,
      timeZoneAssumed: slot.timezoneAssumed,
      country: slot.country,
      workingDays: slot.workingDays,
      pausedUntil: slot.pausedUntil,
    },
    onboardingCompletedAt: m.onboardingCompletedAt,
    onboardingDays: m.onboardingDurationDays,
    handoverCard: (m.handover ?? []).map((i) => ({
      item: i.label,
      owner: i.owner,
      state: i.state,
      at: i.at,
      byYou: i.by === userId,
      links: i.links,
      reason: i.reason ?? null,
    })),
    createdAt: m.createdAt,
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
      const yours = (m: Mission) => [m.freelancerId, m.managerId, m.buddyId].includes(userId);
      return {
        missions: {
          description: 'privacy.export.section.missions',
          missions: missions.filter(yours).map((m) => exported(m, userId)),
          historyOfOtherMissions: missions
            .filter((m) => !yours(m))
            .map((m) => ({
              missionId: m._id.toString(),
              title: m.title,
              yourHistory: exported(m, userId).yourHistory,
            })),
        },
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
