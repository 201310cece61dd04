import type { HandoverItem } from './events.js';

/**
 * What erasure does to the records that stay (PRODUCT.md flow 10), shared by the features whose
 * documents copy the same parts: a handover card lives on the mission, on the freelancer's talent
 * profile and (item by item) in offboarding.
 */

/** How an erased person's id reads in the records that stay: `erased:<16 hex>`. */
export const PSEUDONYM_PREFIX = 'erased:';

/** Whether a stored id is a pseudonym (an erased person: never shown as a Slack mention). */
export function isPseudonym(id: string): boolean {
  return id.startsWith(PSEUDONYM_PREFIX);
}

/** A stored id after the erasure of `userId`: their pseudonym, anyone else's id unchanged. */
export function aliasOf<T extends string | null>(id: T, userId: string, pseudonym: string): T | string {
  return id === userId ? pseudonym : id;
}

/** Whether any item of a handover card was confirmed or waived by `userId`. */
export function handoverNames(items: readonly HandoverItem[], userId: string): boolean {
  return items.some((i) => i.by === userId);
}

/**
 * A handover card without `userId`: the items they confirmed or waived keep their state and date
 * under the pseudonym, and lose what they wrote there (the links of a confirmation, the reason of a
 * waiver).
 */
export function handoverWithout(
  items: readonly HandoverItem[],
  userId: string,
  pseudonym: string,
): HandoverItem[] {
  return items.map((i) => {
    if (i.by !== userId) return i;
    const { reason: _reason, ...rest } = i;
    return { ...rest, by: pseudonym, links: [] };
  });
}
