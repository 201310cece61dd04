import type { Connection } from 'mongoose';
import type { ErasureSubject, ExportReader, ExportSection } from '../../feature.js';
import {
  type Evaluation,
  type HandoverItemDoc,
  handoverItemModel,
  type Offboarding,
  offboardingModel,
} from '../model.js';

/**
 * What offboarding holds about a person: as freelancer, their offboardings whole (the feedback they
 * gave, the evaluation about them with its private note: disclosed on a data-access request); as
 * manager, which offboardings they ran (not what they wrote about someone else); the handover items
 * they own or settled.
 */
export async function offboardingDataOf(
  conn: Connection,
  userId: string,
  { locale }: ExportReader,
): Promise<Record<string, ExportSection>> {
  const [asFreelancer, asManager, items] = await Promise.all([
    offboardingModel(conn).find({ freelancerId: userId }).lean<Offboarding[]>().exec(),
    offboardingModel(conn).find({ managerId: userId }).lean<Offboarding[]>().exec(),
    handoverItemModel(conn)
      .find({ $or: [{ ownerId: userId }, { by: userId }] })
      .lean<HandoverItemDoc[]>()
      .exec(),
  ]);
  const ev = (e: Evaluation) => ({
    rating: e.rating,
    skills: e.skills,
    recommendation: e.recommendation,
    recommendationSharedWithYou: e.shareRecommendation,
    privateNoteForFutureManagers: e.privateNote,
    wouldRehire: e.wouldRehire,
    renewed: e.renewed,
    by: e.by,
    at: e.at,
  });
  return {
    offboarding: {
      description: 'privacy.export.section.offboarding',
      asFreelancer: asFreelancer.map((o) => ({
        missionId: o.missionId,
        startedAt: o.startedAt,
        startedBy: o.startedBy,
        yourFeedback: { state: o.feedbackState, ...(o.feedback ?? {}) },
        evaluationAboutYou: o.evaluation ? ev(o.evaluation) : null,
        closed: o.closed,
        closedAt: o.closedAt,
      })),
      asManager: asManager.map((o) => ({
        missionId: o.missionId,
        startedAt: o.startedAt,
        evaluationGiven: o.evaluationGiven,
        closedAt: o.closedAt,
      })),
      handoverItems: items.map((i) => ({
        missionId: i.missionId,
        item: i.label[locale],
        owner: i.owner,
        yours: i.ownerId === userId,
        state: i.state,
        settledAt: i.at,
        settledByYou: i.by === userId,
        links: i.links,
        reason: i.reason,
      })),
    },
  };
}

/**
 * Erasure: their id becomes the pseudonym wherever a record counts (scores, ratings, item states);
 * the free text they wrote or that was written about them is emptied.
 */
export async function eraseOffboardingData(
  conn: Connection,
  userId: string,
  { pseudonym }: ErasureSubject,
): Promise<void> {
  const offboardings = offboardingModel(conn);
  await offboardings.updateMany(
    { freelancerId: userId, feedbackState: 'given' },
    { $set: { 'feedback.improve': '' } },
  );
  await offboardings.updateMany(
    { freelancerId: userId, evaluationGiven: true },
    { $set: { 'evaluation.recommendation': '', 'evaluation.privateNote': '' } },
  );
  await offboardings.updateMany({ freelancerId: userId }, { $set: { freelancerId: pseudonym } });
  await offboardings.updateMany(
    { managerId: userId, evaluationGiven: true },
    { $set: { 'evaluation.recommendation': '', 'evaluation.privateNote': '', 'evaluation.by': pseudonym } },
  );
  await offboardings.updateMany({ managerId: userId }, { $set: { managerId: pseudonym } });
  await offboardings.updateMany({ startedBy: userId }, { $set: { startedBy: pseudonym } });
  const items = handoverItemModel(conn);
  await items.updateMany({ by: userId }, { $set: { by: pseudonym, reason: null, links: [] } });
  await items.updateMany({ ownerId: userId }, { $set: { ownerId: pseudonym } });
}
