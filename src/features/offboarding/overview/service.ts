import type { Connection } from 'mongoose';
import { findMission } from '../../missions/index.js';
import { evaluationOwedBy, feedbackOwedBy, openItemsOwnedBy } from '../repository.js';

/** One offboarding to-do on a person's Home: never the content of a form, only what is left to do. */
export interface OffboardingTodo {
  kind: 'feedback' | 'item' | 'evaluation';
  missionId: string;
  title: string;
  /** The item (kind `item`). */
  itemId?: string;
  label?: { fr: string; en: string };
}

/**
 * A person's offboarding to-dos: feedback to give (as freelancer), items to confirm (as owner),
 * evaluations to give (as manager). Equality reads on indexed fields only; titles by _id.
 */
export async function offboardingTodosOf(conn: Connection, userId: string): Promise<OffboardingTodo[]> {
  const [feedback, items, evaluations] = await Promise.all([
    feedbackOwedBy(conn, userId),
    openItemsOwnedBy(conn, userId),
    evaluationOwedBy(conn, userId),
  ]);
  const ids = [...new Set([...feedback, ...items, ...evaluations].map((x) => x.missionId))];
  const missions = new Map(
    (await Promise.all(ids.map((id) => findMission(conn, id)))).flatMap((m) =>
      m ? [[String(m._id), m] as const] : [],
    ),
  );
  const title = (id: string) => missions.get(id)?.title;
  const live = (id: string) => missions.get(id)?.status === 'offboarding';
  return [
    ...feedback
      .filter((o) => live(o.missionId))
      .map((o) => ({ kind: 'feedback' as const, missionId: o.missionId, title: title(o.missionId) ?? '' })),
    ...items
      .filter((i) => live(i.missionId))
      .map((i) => ({
        kind: 'item' as const,
        missionId: i.missionId,
        title: title(i.missionId) ?? '',
        itemId: String(i._id),
        label: i.label,
      })),
    ...evaluations
      .filter((o) => live(o.missionId))
      .map((o) => ({ kind: 'evaluation' as const, missionId: o.missionId, title: title(o.missionId) ?? '' })),
  ];
}
