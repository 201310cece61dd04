import type { Connection } from 'mongoose';
import { missionModel } from '../missions/model.js';
import { type MissionStatus, missionStatuses } from '../missions/rules.js';

/** How many missions are in each status (every status present, zero when none). */
export type StatusCounts = Record<MissionStatus, number>;

/** A count of zero for every status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(missionStatuses.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Missions of the whole workspace by status, in one `$group` with `$sum` (both are in FerretDB
 * 1.24's subset; `$facet` and `$count` per status would not be). It reads every mission, so only
 * the admin's Home runs it.
 */
export async function missionCountsByStatus(conn: Connection): Promise<StatusCounts> {
  const rows = await missionModel(conn)
    .aggregate<{ _id: string; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }])
    .exec();
  const counts = emptyCounts();
  for (const row of rows) {
    if ((missionStatuses as readonly string[]).includes(row._id))
      counts[row._id as MissionStatus] = row.count;
  }
  return counts;
}
