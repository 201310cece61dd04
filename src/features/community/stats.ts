import { DateTime } from 'luxon';
import type { RollupSource } from '../../rollups.js';
import { type CommunityEvent, eventModel } from './model.js';
import { countsOf } from './repository.js';

/**
 * The community events as a rollup source: an open event adds one event and its seats said "going"
 * (not the waitlist) on its day, in `zone`; workspace figures only. Who actually came is unknown.
 */
export function eventStats(zone: string): RollupSource {
  return {
    name: 'community_events',
    model: eventModel,
    contributions: (conn, docs) =>
      Promise.all(
        (docs as CommunityEvent[]).map(async (e) => {
          if (e.status !== 'open') return [];
          const { going } = await countsOf(conn, e);
          const day = DateTime.fromJSDate(e.startsAt, { zone }).toISODate() ?? '';
          return [{ day, managerId: null, missionId: null, figures: { events: 1, going } }];
        }),
      ),
  };
}
