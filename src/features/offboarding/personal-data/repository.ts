import type { Connection } from 'mongoose';
import { WITHOUT_ROLLUP_FIELDS } from '../../../rollups.js';
import type { ErasureSubject } from '../../feature.js';
import { handoverItemModel, type Offboarding, offboardingModel } from '../model.js';

/**
 * What offboarding holds about a person: as freelancer, their offboardings whole (the feedback they
 * gave, the evaluation about them with its private note: disclosed on a data-access request); as
 * manager, which offboardings they ran (not what they wrote about someone else); the handover items
 * they own.
 */
export async function offboardingDataOf(conn: Connection, userId: string): Promise<Record<string, unknown>> {
  const [asFreelancer, asManager, items] = await Promise.all([
    offboardingModel(conn).find({ freelancerId: userId }, WITHOUT_ROLLUP_FIELDS).lean<Offboarding[]>().exec(),
    offboardingModel(conn)
      .find({ managerId: userId })
      .select({ missionId: 1, startedAt: 1, closedAt: 1, evaluationGiven: 1 })
      .lean()
      .exec(),
    handoverItemModel(conn).find({ ownerId: userId }).lean().exec(),
  ]);
  return { offboardingsAsFreelancer: asFreelancer, offboardingsAsManager: asManager, handoverItems: items };
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
