import { calendarFor } from '../../calendar/work-calendar.js';
import { formatDateTime, translator } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { readerOf } from '../../slack/reader.js';
import type { PreferencesDeps } from './deps.js';
import { type PreferencesCommand, snoozeEnd } from './input.js';
import { type MuteCategory, muteCategories } from './model.js';
import { preferencesOf, setMuted, setSnooze } from './repository.js';
import { nonUrgentSendTime } from './rules.js';

/** Applies a preferences subcommand for `userId` and returns the ephemeral answer, in their language. */
export async function applyPreferences(
  deps: PreferencesDeps,
  userId: string,
  cmd: PreferencesCommand,
): Promise<OutgoingMessage> {
  const { locale, zone } = await readerOf(deps, userId);
  const tr = translator(locale);
  const now = deps.clock.now();
  const say = (text: string): OutgoingMessage => ({ text });
  const category = (c: string) => tr(`preferences.category.${c}` as 'preferences.category.reminders');
  switch (cmd.kind) {
    case 'mute':
    case 'unmute':
      await setMuted(deps.db, userId, cmd.category, cmd.kind === 'mute');
      return say(tr(`preferences.${cmd.kind}d`, { category: category(cmd.category) }));
    case 'snooze':
    case 'snoozeUntil': {
      const until = snoozeEnd(cmd, now, zone);
      if (!until) return say(tr('preferences.usage.snooze'));
      await setSnooze(deps.db, userId, until);
      return say(tr('preferences.snoozed', { date: formatDateTime(until, locale, zone) }));
    }
    case 'unsnooze':
      await setSnooze(deps.db, userId, null);
      return say(tr('preferences.unsnoozed'));
    case 'invalid':
      return say(tr(`preferences.usage.${cmd.usage}`));
    case 'settings': {
      const prefs = (await preferencesOf(deps.db, [userId])).get(userId);
      const muted = muteCategories.filter((c) => prefs?.muted.includes(c)).map(category);
      const snoozed = prefs?.snoozedUntil && prefs.snoozedUntil > now ? prefs.snoozedUntil : null;
      return say(
        [
          tr('preferences.settings.muted', {
            list: muted.length > 0 ? muted.join(', ') : tr('preferences.none'),
          }),
          snoozed
            ? tr('preferences.settings.snoozed', { date: formatDateTime(snoozed, locale, zone) })
            : tr('preferences.settings.notSnoozed'),
          tr('preferences.settings.hours'),
        ].join('\n'),
      );
    }
  }
}

/**
 * When a scheduled, non-urgent DM of `category` may go to `userId`: their zone and the workspace's
 * country give the sending hours, their mute and snooze apply (`nonUrgentSendTime`). Null: muted.
 * For the features that send reminders, nudges and digests to one person from a job.
 */
export async function sendingMomentOf(
  deps: Pick<PreferencesDeps, 'config' | 'db' | 'users'>,
  userId: string,
  category: MuteCategory,
  now: Date,
): Promise<Date | null> {
  const [{ zone }, prefs] = await Promise.all([readerOf(deps, userId), preferencesOf(deps.db, [userId])]);
  const calendar = calendarFor({ zone, fallbackCountry: deps.config.defaultCountry });
  return nonUrgentSendTime(now, calendar, prefs.get(userId), category);
}
