import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { DigestEntry } from './source.js';

/** The local day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(at: Date, zone: string): string {
  // An unknown zone (a profile Slack no longer serves) counts in UTC rather than failing the digest.
  const day =
    DateTime.fromJSDate(at, { zone }).toISODate() ?? DateTime.fromJSDate(at, { zone: 'utc' }).toISODate();
  return day ?? '';
}

/** The start (00:00) of the local day after `at`'s, in `zone`. */
export function nextLocalDay(at: Date, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).startOf('day').plus({ days: 1 }).toJSDate();
}

/** The entries of a digest, mission by mission (missions in the order of their first entry), items in order. */
export function byMission(entries: readonly DigestEntry[]): DigestEntry[][] {
  const groups = new Map<string, DigestEntry[]>();
  for (const e of entries) {
    const group = groups.get(e.missionId);
    if (group) group.push(e);
    else groups.set(e.missionId, [e]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.order - b.order));
}

// Block Kit (SLACK.md §4): 50 blocks a message; Slack refuses messages whose blocks carry much more
// than about 11,000 characters (msg_blocks_too_long), whatever each block's own limit.
export const MAX_BLOCKS = 50;
export const MAX_TEXT = 9_000;

/**
 * Lays out mission groups in at most `room` blocks and `MAX_TEXT` characters: each mission takes a
 * title block and one block per item, in order, until the next would not fit. Returns the blocks
 * and how many items were left out (said as "and N more on your Home").
 */
export function fitGroups(
  groups: readonly DigestEntry[][],
  room: number,
  title: (group: DigestEntry[]) => KnownBlock,
  row: (entry: DigestEntry) => KnownBlock,
): { blocks: KnownBlock[]; left: number } {
  const blocks: KnownBlock[] = [];
  let chars = 0;
  let left = 0;
  for (const group of groups) {
    const head = title(group);
    let headed = false;
    for (const entry of group) {
      const block = row(entry);
      const size = sizeOf(block) + (headed ? 0 : sizeOf(head));
      const count = headed ? 1 : 2;
      if (blocks.length + count > room || chars + size > MAX_TEXT) {
        left++;
        continue;
      }
      if (!headed) blocks.push(head);
      headed = true;
      blocks.push(block);
      chars += size;
    }
  }
  return { blocks, left };
}

/** The characters a block shows (its text and its button's), what Slack's overall cap counts. */
function sizeOf(block: KnownBlock): number {
  if (block.type !== 'section') return 0;
  const button = block.accessory?.type === 'button' ? block.accessory.text.text.length : 0;
  return (block.text?.text.length ?? 0) + button;
}
