import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { IANAZone } from 'luxon';
import type { MissionsDeps } from '../deps.js';
import { followFreelancerZone } from './service.js';

type UserChangeArgs = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/**
 * The one `user_change` listener (a profile edit, a deactivation, an erasure): the cached profile is
 * dropped, check-ins follow a new zone, and `user.changed` tells the other features.
 */
export function registerZoneListener(app: App, deps: MissionsDeps): void {
  app.event('user_change', async ({ event }: UserChangeArgs) => {
    // Bolt's type says `user` is always there; a forged or truncated event may lack it.
    const user: Partial<typeof event.user> | undefined = event.user;
    if (typeof user?.id !== 'string') return;
    const { id, tz } = user;
    deps.users.forget(id);
    const forgotten = (user as { is_forgotten?: unknown }).is_forgotten === true;
    if (tz && IANAZone.isValidZone(tz) && !forgotten) await followFreelancerZone(deps, id, tz);
    await deps.events.emit('user.changed', {
      userId: id,
      ...(typeof tz === 'string' ? { tz } : {}),
      ...(typeof user.deleted === 'boolean' ? { deleted: user.deleted } : {}),
      forgotten,
    });
  });
}
