/** action_id of the checkbox/button that ticks an item; its value is the item id. */
export const TOGGLE_ITEM = 'onboarding.toggle';

/**
 * Job name of the per-item reminder of earlier versions: still handled, so that jobs queued before
 * reminders became one digest per person and day join their owner's digest.
 */
export const REMINDER_JOB = 'onboarding.reminder';

const ITEM_BLOCK = /^onboarding\.item\.(open|done)\.([0-9a-f]{24})$/;

/**
 * block_id of an item's row, carrying the state the reader saw: a click means "flip from that
 * state", so a double click or a replayed payload finds nothing to flip the second time.
 */
export function itemBlockId(itemId: string, done: boolean): string {
  return `onboarding.item.${done ? 'done' : 'open'}.${itemId}`;
}

/** The state shown when the button was clicked, from its block_id; undefined for other surfaces. */
export function shownStateOf(blockId: string, itemId: string): 'open' | 'done' | undefined {
  const m = ITEM_BLOCK.exec(blockId);
  return m && m[2] === itemId ? (m[1] as 'open' | 'done') : undefined;
}

/** The job that rewrites a mission's onboarding messages after a change (see messages/service.ts). */
export const REFRESH_JOB = 'onboarding.refresh';

/** The onboarding messages' subject in the live-message store. */
export function messagesSubject(missionId: string): string {
  return `onboarding:${missionId}`;
}
