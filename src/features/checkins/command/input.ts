import { DateTime } from 'luxon';
import { z } from 'zod';

/** What `/checkin [text]` asks for. */
export type CheckinCommand =
  | { kind: 'open' }
  | { kind: 'help' }
  | { kind: 'pause'; until: string | null }
  | { kind: 'resume' }
  | { kind: 'badDate'; raw: string }
  | { kind: 'unknown'; word: string };

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid);

/**
 * `/checkin` (open the current one), `help`, `pause [until YYYY-MM-DD]` (the word `until` is
 * optional), `resume`. Anything else is unknown; a pause date that is not a real calendar date is
 * reported as such.
 */
export function parseCheckinCommand(text: string): CheckinCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const sub = words[0]?.toLowerCase();
  if (sub === undefined) return { kind: 'open' };
  if (sub === 'help') return { kind: 'help' };
  if (sub === 'resume') return { kind: 'resume' };
  if (sub !== 'pause') return { kind: 'unknown', word: words[0] ?? sub };
  const rest = words.slice(1);
  if (rest[0]?.toLowerCase() === 'until') rest.shift();
  if (rest.length === 0) return { kind: 'pause', until: null };
  const parsed = isoDate.safeParse(rest[0]);
  return parsed.success && rest.length === 1
    ? { kind: 'pause', until: parsed.data }
    : { kind: 'badDate', raw: rest.join(' ') };
}
