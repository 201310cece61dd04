import type { Button } from '@slack/types';
import type { Reader } from '../../slack/reader.js';

/** One line of a digest: an item to do, with the button that does it. */
export interface DigestEntry {
  missionId: string;
  missionTitle: string;
  /** Order within the mission (lower first). */
  order: number;
  /** The line, in mrkdwn, already in the reader's language and zone. */
  text: string;
  /** The row's block_id, unique in the message (the owning feature may read it back on a click). */
  blockId: string;
  /** The button that does it, while it is open. */
  button?: Button;
  /** Done since (shown ticked, without a button). */
  done: boolean;
}

/**
 * What a feature whose items can pile up gives the digest (PRODUCT.md §9: one reminder per item, at
 * most one reminder DM per person and day). Each item is reminded once: `take` marks it with the
 * digest's mark (its day) in the same write that finds it, so a digest run again after a crash lists what it
 * took the first time, and two digests never list the same item.
 */
export interface ReminderSource {
  readonly kind: string;
  /** Marks every item of `userId` due a reminder at `now` and never reminded with `mark` (reminded now). */
  take(userId: string, mark: string, now: Date): Promise<void>;
  /** Clears `mark` from `userId`'s items (their digest lost the day to another): reminded later. */
  release(userId: string, mark: string): Promise<void>;
  /** The items of `userId` marked `mark`, as the reader reads them now (done ones included). */
  listed(userId: string, mark: string, reader: Reader): Promise<DigestEntry[]>;
  /** The earliest moment after `now` when an open item of `userId` falls due a reminder, if any. */
  nextDue(userId: string, now: Date): Promise<Date | null>;
}
