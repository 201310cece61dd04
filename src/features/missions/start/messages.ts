import {
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshFromJob,
  rememberMessage,
} from '../../../delivery/live.js';
import { translator } from '../../../i18n/index.js';
import { isAdmin } from '../../../roles.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import type { MissionsDeps } from '../deps.js';
import { findMission } from '../repository.js';
import { isOpen } from '../rules.js';
import { type ChannelOutcome, confirmationMessage } from './views.js';

/**
 * The manager's confirmation (with the admin ⋯ menu when the manager is an admin) is kept current
 * through `live_messages` (src/delivery/live.ts), subject `missions:<missionId>`, kind
 * `confirmation`, `arg` how the channel post went: every change of the mission rewrites it, and
 * once the mission is completed or cancelled it loses the menu (then it is forgotten).
 */
export const REFRESH_JOB = 'missions.refresh';
const SUBJECT = 'missions:';

export function rememberConfirmation(
  deps: MissionsDeps,
  missionId: string,
  to: string,
  channel: ChannelOutcome,
  ref: PostedRef,
  message: OutgoingMessage,
): Promise<void> {
  const what = { subject: `${SUBJECT}${missionId}`, kind: 'confirmation', to, arg: channel };
  return rememberMessage(deps.db, what, ref, message, deps.clock.now());
}

/** After any change of a mission (the `mission.changed` event): rewrite its confirmation, as a durable job. */
export function queueMissionRefresh(deps: MissionsDeps, missionId: string): Promise<void> {
  return queueRefresh(deps, REFRESH_JOB, `${SUBJECT}${missionId}`);
}

/** The job: the subject's confirmation rebuilt from the stored mission. */
export async function refreshMissionMessages(
  deps: MissionsDeps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  await refreshFromJob(deps, payload, (m) => renderNow(deps, m));
  return undefined;
}

const outcomes: readonly ChannelOutcome[] = ['none', 'posted', 'private_not_member', 'archived'];

async function renderNow(deps: MissionsDeps, m: LiveMessage): Promise<Rendering> {
  if (m.kind !== 'confirmation') return null;
  const mission = await findMission(deps.db, m.subject.slice(SUBJECT.length));
  if (!mission) return null;
  const finished = !isOpen(mission.status);
  const locale = await deps.users.localeOf(m.to, deps.config.defaultLocale);
  const channel = outcomes.find((o) => o === m.arg) ?? 'none';
  const withMenu = !finished && isAdmin(deps.config, m.to);
  return {
    message: confirmationMessage(mission, translator(locale), locale, channel, withMenu),
    final: finished,
  };
}
