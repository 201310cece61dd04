import type { Connection, Types } from 'mongoose';
import { idsIn, inIdBatches } from '../../../db/batches.js';
import type { PersonalData } from '../../feature.js';
import { itemModel, type OnboardingItem } from '../model.js';

function itemsNaming(conn: Connection, userId: string): Promise<OnboardingItem[]> {
  return itemModel(conn)
    .find({ $or: [{ ownerId: userId }, { doneBy: userId }] })
    .lean<OnboardingItem[]>()
    .exec();
}

/** Sets `field` to the pseudonym on these items, by batches of ids. */
function alias(conn: Connection, ids: Types.ObjectId[], field: 'ownerId' | 'doneBy', pseudonym: string) {
  return inIdBatches(ids, async (batch) => {
    const res = await itemModel(conn).updateMany(idsIn(batch), { $set: { [field]: pseudonym } });
    return res.modifiedCount;
  });
}

/**
 * Onboarding's personal data: the checklist items a person owns or ticked (labels come from the
 * template, not from them). Erasure replaces their id by the pseudonym: items and their done state
 * stay, for the onboarding progress and durations.
 */
export function onboardingPersonalData(conn: Connection): PersonalData {
  return {
    async export(userId, { locale }) {
      const items = await itemsNaming(conn, userId);
      return {
        onboardingItems: {
          description: 'privacy.export.section.onboardingItems',
          items: items.map((i) => ({
            missionId: i.missionId.toString(),
            item: i.label[locale],
            owner: i.owner,
            yours: i.ownerId === userId,
            dueAt: i.dueAt,
            done: i.done,
            doneAt: i.doneAt,
            tickedByYou: i.doneBy === userId,
            reminderSentAt: i.reminderSentAt,
          })),
        },
      };
    },
    async erase(userId, subject) {
      const items = await itemsNaming(conn, userId);
      const owned = items.filter((i) => i.ownerId === userId).map((i) => i._id);
      const ticked = items.filter((i) => i.doneBy === userId).map((i) => i._id);
      await alias(conn, owned, 'ownerId', subject.pseudonym);
      await alias(conn, ticked, 'doneBy', subject.pseudonym);
    },
  };
}
