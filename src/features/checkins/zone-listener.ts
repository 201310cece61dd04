import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { IANAZone } from 'luxon';
import type { Deps } from '../../deps.js';
import { missionsOfFreelancer, updateMission } from '../missions/repository.js';
import { planMission } from './plan.js';

type UserChangeArgs = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/**
 * `user_change` (a profile edit, e.g. a freelancer who moved): the check-ins of their open missions
 * follow their new IANA zone, and a zone that was assumed becomes a known one. Recorded in the
 * mission's history; future check-ins not sent yet are re-planned.
 */
export function registerZoneListener(app: App, deps: Deps): void {
  app.event('user_change', async ({ event }: UserChangeArgs) => {
    const { id, tz } = event.user;
    deps.users.forget(id);
    if (!tz || !IANAZone.isValidZone(tz)) return;
    const now = deps.clock.now();
    for (const m of await missionsOfFreelancer(deps.db, id, { open: true })) {
      if (m.checkin.timezone === tz && !m.checkin.timezoneAssumed) continue;
      await updateMission(
        deps.db,
        m._id,
        { checkin: { ...m.checkin, timezone: tz, timezoneAssumed: false } },
        { at: now, by: id, action: 'timezoneChanged', details: `${m.checkin.timezone}→${tz}` },
      );
      await planMission(deps, m._id, now);
    }
  });
}
