import type { MissionClosed } from '../../events.js';
import type { TalentDeps } from './deps.js';
import { syncSkillIndex } from './read-model.js';
import { addClosedMission } from './repository.js';

/**
 * `mission.closed`: the freelancer's profile counts the mission once (a replay changes nothing),
 * then the read model is brought in line (idempotent itself, so it runs on a replay too).
 */
export async function onMissionClosed(deps: Pick<TalentDeps, 'db'>, event: MissionClosed): Promise<void> {
  await addClosedMission(deps.db, event);
  await syncSkillIndex(deps.db, event.freelancerId);
}
