import type { Deps } from '../../deps.js';
import type { Mission } from '../missions/model.js';
import type { ChecklistReader } from './checklist/views.js';
import type { ItemOwner } from './contract.js';

/** The Slack user id on one side of a mission. */
export function sideUserId(mission: Mission, side: ItemOwner): string {
  return side === 'freelancer' ? mission.freelancerId : mission.managerId;
}

/**
 * A user's time zone: their Slack profile's, else `fallback`. Lookups are cached by the directory,
 * so asking for the locale and then the zone costs one users.info at most.
 */
export async function zoneOf(deps: Deps, userId: string, fallback: string): Promise<string> {
  try {
    return (await deps.users.get(userId)).tz ?? fallback;
  } catch {
    return fallback;
  }
}

/** How one side of the mission reads its checklist: language and zone of that person. */
export async function readerOf(deps: Deps, mission: Mission, side: ItemOwner): Promise<ChecklistReader> {
  const userId = sideUserId(mission, side);
  // The mission's check-in zone is the freelancer's (read from Slack at creation, or the assumed default).
  const fallbackZone = side === 'freelancer' ? mission.checkin.timezone : deps.config.defaultTimezone;
  const [locale, zone] = await Promise.all([
    deps.users.localeOf(userId, deps.config.defaultLocale),
    zoneOf(deps, userId, fallbackZone),
  ]);
  return { side, locale, zone };
}
