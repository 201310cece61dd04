import type { Connection } from 'mongoose';
import { aliasOf, handoverWithout } from '../../../erasure.js';
import type { ErasureSubject, ExportSection } from '../../feature.js';
import type { DoneMission, HandoverCard, PrivateNote, TalentProfile } from '../model.js';
import { talentProfileModel } from '../model.js';
import { deleteProfile, syncSkillIndex } from '../read-model.js';
import { findProfile, type StoredProfile } from '../repository.js';

/**
 * Other freelancers' profiles that name the person: as the manager of a mission done, as the author
 * of a private note, as who confirmed or waived a handover item. (Erasure is rare: these paths have
 * no index.)
 */
function profilesNaming(conn: Connection, userId: string): Promise<StoredProfile[]> {
  return talentProfileModel(conn)
    .find({
      $or: [{ 'missions.managerId': userId }, { 'notes.authorId': userId }, { 'handovers.items.by': userId }],
    })
    .lean<StoredProfile[]>()
    .exec();
}

/**
 * A profile without the person: missions they managed name the pseudonym, the private notes they
 * wrote go (their free text), the handover items they confirmed or waived lose their links or reason.
 */
export function profileWithout(
  p: Pick<TalentProfile, 'missions' | 'notes' | 'handovers'>,
  userId: string,
  pseudonym: string,
): Pick<TalentProfile, 'missions' | 'notes' | 'handovers'> {
  return {
    missions: (p.missions ?? []).map(
      (m): DoneMission => ({ ...m, managerId: aliasOf(m.managerId, userId, pseudonym) }),
    ),
    notes: (p.notes ?? []).filter((n: PrivateNote) => n.authorId !== userId),
    handovers: (p.handovers ?? []).map(
      (c): HandoverCard => ({ ...c, items: handoverWithout(c.items ?? [], userId, pseudonym) }),
    ),
  };
}

/**
 * Talent's erasure: the person's own profile goes (with the read-model lines that list it); in the
 * profiles of others they are replaced as `profileWithout` says, and those profiles' cards are
 * rewritten (a card shows the last private note). A profile changed between the read and the write
 * is read again: the write is conditional on `updatedAt`.
 */
export async function eraseTalentData(
  conn: Connection,
  userId: string,
  { pseudonym }: ErasureSubject,
): Promise<void> {
  await deleteProfile(conn, userId);
  for (let round = 0; round < 5; round += 1) {
    const profiles = await profilesNaming(conn, userId);
    if (profiles.length === 0) return;
    for (const p of profiles) {
      const res = await talentProfileModel(conn).updateOne(
        { userId: p.userId, updatedAt: p.updatedAt },
        // A new read-model version: the cards' lines are rewritten only over an older one.
        { $set: profileWithout(p, userId, pseudonym), $inc: { rv: 1 } },
      );
      if (res.modifiedCount === 1) await syncSkillIndex(conn, p.userId);
    }
  }
  throw new Error('talent profiles kept changing during the erasure; it will be retried');
}

/**
 * The person's talent profile: what they said, what closed missions brought, with the evaluations
 * and private notes about them (disclosed on a data-access request). The search's read models are
 * copies of it (not repeated).
 */
export async function talentExport(conn: Connection, userId: string): Promise<Record<string, ExportSection>> {
  const p = await findProfile(conn, userId);
  const description = 'privacy.export.section.talentProfile';
  if (!p) return { talentProfile: { description, profile: null } };
  return {
    talentProfile: {
      description,
      profile: {
        skills: p.skills,
        skillsFromMissions: p.missionSkills,
        availableFrom: p.availableFrom,
        availabilitySaidAt: p.availabilitySaidAt,
        dayRate: p.dayRate,
        contactEmail: p.contactEmail,
        inThePool: !p.optedOut,
        inThePoolSince: p.optedInAt,
        reachableInSlack: p.reachable,
        missionsDone: p.missionsDone,
        ratingSum: p.ratingSum,
        ratingCount: p.ratingCount,
        wouldRehireCount: p.wouldRehireCount,
        lastCollaboration: p.lastCollaborationAt,
        missions: p.missions.map((m) => ({
          missionId: m.missionId,
          title: m.title,
          manager: m.managerId,
          closedAt: m.closedAt,
          rating: m.rating,
        })),
        handoverCards: p.handovers.map((c) => ({
          missionId: c.missionId,
          title: c.title,
          closedAt: c.closedAt,
          items: (c.items ?? []).map(({ by, ...i }) => ({ ...i, byYou: by === userId })),
        })),
        privateNotesAboutYou: p.notes.map((n) => ({
          missionId: n.missionId,
          by: n.authorId,
          at: n.at,
          text: n.text,
        })),
        searchKeywords: p.indexedSkills,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      },
    },
  };
}
