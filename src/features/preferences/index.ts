import type { Feature } from '../feature.js';
import type { Subcommand } from '../help/index.js';
import type { PreferencesDeps } from './deps.js';
import { parsePreferencesCommand } from './input.js';
import { deletePreferences, preferencesOf } from './repository.js';
import { applyPreferences } from './service.js';

export type { PreferencesDeps } from './deps.js';
export type { MuteCategory, Preferences } from './model.js';
export { preferencesOf } from './repository.js';
export { nonUrgentSendTime } from './rules.js';
export { sendingMomentOf } from './service.js';

/**
 * What a person lets Passerelle send them (mute, snooze), read by every feature that sends
 * non-urgent DMs. Its subcommands ride on help's `/passerelle` (see `preferencesSubcommand`).
 */
export function createPreferencesFeature(deps: PreferencesDeps): Feature {
  return {
    name: 'preferences',
    personalData: {
      async export(userId) {
        const p = (await preferencesOf(deps.db, [userId])).get(userId);
        return {
          preferences: {
            description: 'privacy.export.section.preferences',
            muted: p?.muted ?? [],
            snoozedUntil: p?.snoozedUntil ?? null,
            changedAt: p?.updatedAt ?? null,
          },
        };
      },
      erase: (userId) => deletePreferences(deps.db, userId),
    },
  };
}

/** `/passerelle mute|unmute|snooze|unsnooze|settings`, answered once stored. */
export function preferencesSubcommand(deps: PreferencesDeps): Subcommand {
  return {
    match(words) {
      const cmd = parsePreferencesCommand(words);
      return cmd ? (userId) => applyPreferences(deps, userId, cmd) : undefined;
    },
  };
}
