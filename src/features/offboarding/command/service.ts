import { isAdmin } from '../../../roles.js';
import {
  type ListedMission,
  listedMissionsInStatus,
  listedMissionsManagedBy,
  missionsManagedBy,
} from '../../missions/index.js';
import type { OffboardingDeps } from '../deps.js';
import { canStartOffboarding } from '../rules.js';
import { offboardableMission } from '../start/service.js';
import { type EndCandidates, type EndSearch, matching, searchEndable } from './rules.js';

const MISSION_ID = /^[a-f0-9]{24}$/;

/**
 * What `/mission-end [text]` finds for the user. An admin looks at every open mission of the
 * workspace, a manager at theirs; the text is a mission id or narrows by title. When nothing is
 * found the result says why (nothing open, all in offboarding, someone else's, no such title).
 */
export async function findEndable(deps: OffboardingDeps, userId: string, text: string): Promise<EndSearch> {
  const wanted = text.trim();
  if (MISSION_ID.test(wanted)) {
    const m = await offboardableMission(deps, userId, wanted);
    if (canStartOffboarding(m.status)) return { kind: 'found', missions: [m] };
    if (m.status === 'offboarding') return { kind: 'alreadyOffboarding', titles: [m.title] };
    return { kind: 'closed', title: m.title };
  }
  const admin = isAdmin(deps.config, userId);
  const result = searchEndable(await candidates(deps, userId, admin), wanted);
  if (result.kind !== 'noMatch' || admin) return result;
  // A manager naming another manager's mission is told whose it is to end, not "no such mission".
  const open = await listedMissionsInStatus(deps.db, ['onboarding', 'active', 'offboarding']);
  return matching(open, wanted).length > 0 ? { kind: 'notYours' } : result;
}

async function candidates(deps: OffboardingDeps, userId: string, admin: boolean): Promise<EndCandidates> {
  const listed: ListedMission[] = admin
    ? await listedMissionsInStatus(deps.db, ['onboarding', 'active', 'offboarding'])
    : (await listedMissionsManagedBy(deps.db, userId)).sort(
        (a, b) => a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title),
      );
  return {
    scope: admin ? 'workspace' : 'yours',
    endable: listed.filter((m) => canStartOffboarding(m.status)),
    offboarding: listed.filter((m) => m.status === 'offboarding'),
  };
}

/** Whether the user may use `/mission-end` at all: an admin, or the manager of an open mission. */
export async function mayEndAny(deps: OffboardingDeps, userId: string): Promise<boolean> {
  if (isAdmin(deps.config, userId)) return true;
  return (await missionsManagedBy(deps.db, userId, { open: true, limit: 1 })).length > 0;
}
