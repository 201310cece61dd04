import type { MissionsDeps } from '../deps.js';
import { missionsOfFreelancer, updateMission } from '../repository.js';

/**
 * A freelancer's Slack zone changed (e.g. they moved): the check-ins of their open missions follow
 * the new IANA zone, and a zone that was assumed becomes a known one. Recorded in each mission's
 * history; `mission.changed` then re-plans the future check-ins and refreshes the Homes.
 */
export async function followFreelancerZone(
  deps: MissionsDeps,
  freelancerId: string,
  zone: string,
): Promise<void> {
  const now = deps.clock.now();
  for (const m of await missionsOfFreelancer(deps.db, freelancerId, { open: true })) {
    if (m.checkin.timezone === zone && !m.checkin.timezoneAssumed) continue;
    await updateMission(
      deps.db,
      m._id,
      { checkin: { ...m.checkin, timezone: zone, timezoneAssumed: false } },
      { at: now, by: freelancerId, action: 'timezoneChanged', details: `${m.checkin.timezone}→${zone}` },
    );
    await deps.events.emit('mission.changed', {
      missionId: m._id.toString(),
      userIds: [m.freelancerId, m.managerId],
      schedule: true,
    });
  }
}
