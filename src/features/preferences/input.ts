import { DateTime } from 'luxon';
import { type MuteCategory, muteCategories } from './model.js';

/** The `/passerelle` subcommands about what Passerelle may send you. */
export type PreferencesCommand =
  | { kind: 'mute' | 'unmute'; category: MuteCategory }
  | { kind: 'snooze'; days: number }
  | { kind: 'snoozeUntil'; date: string }
  | { kind: 'unsnooze' }
  | { kind: 'settings' }
  | { kind: 'invalid'; usage: 'mute' | 'snooze' };

const MAX_SNOOZE_DAYS = 90;

/**
 * `mute <reminders|nudges|digests|events>`, `unmute <…>`, `snooze <N>d` or `snooze until YYYY-MM-DD`
 * (at most 90 days), `unsnooze`, `settings`. Undefined when the first word is none of these.
 */
export function parsePreferencesCommand(words: readonly string[]): PreferencesCommand | undefined {
  const [first, ...rest] = words.map((w) => w.toLowerCase());
  switch (first) {
    case 'mute':
    case 'unmute': {
      const category = muteCategories.find((c) => c === rest[0]);
      return category && rest.length === 1 ? { kind: first, category } : { kind: 'invalid', usage: 'mute' };
    }
    case 'snooze': {
      if (rest[0] === 'until' && rest.length === 2) {
        const date = DateTime.fromISO(rest[1] ?? '', { zone: 'utc' });
        return /^\d{4}-\d{2}-\d{2}$/.test(rest[1] ?? '') && date.isValid
          ? { kind: 'snoozeUntil', date: rest[1] ?? '' }
          : { kind: 'invalid', usage: 'snooze' };
      }
      const m = /^(\d{1,2})d?$/.exec(rest[0] ?? '');
      const days = Number(m?.[1]);
      return m && rest.length === 1 && days >= 1 && days <= MAX_SNOOZE_DAYS
        ? { kind: 'snooze', days }
        : { kind: 'invalid', usage: 'snooze' };
    }
    case 'unsnooze':
      return { kind: 'unsnooze' };
    case 'settings':
      return { kind: 'settings' };
    default:
      return undefined;
  }
}

/** The end of a snooze: `days` from now, or the end of `date` in the person's zone; null when not in the future or too far. */
export function snoozeEnd(cmd: PreferencesCommand, now: Date, zone: string): Date | null {
  const start = DateTime.fromJSDate(now, { zone });
  let end: DateTime | undefined;
  if (cmd.kind === 'snooze') end = start.plus({ days: cmd.days });
  if (cmd.kind === 'snoozeUntil') end = DateTime.fromISO(cmd.date, { zone }).endOf('day');
  if (!end || end <= start || end > start.plus({ days: MAX_SNOOZE_DAYS + 1 })) return null;
  return end.toJSDate();
}
