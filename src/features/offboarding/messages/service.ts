import type { Delivery } from '../../../delivery/dispatcher.js';
import {
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshFromJob,
  rememberMessage,
} from '../../../delivery/live.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { readerOf } from '../../../slack/reader.js';
import { findMission } from '../../missions/index.js';
import { renewalMessage } from '../closing/views.js';
import type { OffboardingDeps } from '../deps.js';
import { feedbackReminderMessage } from '../feedback/views.js';
import { handoverMessage } from '../handover/views.js';
import { messagesSubject, REFRESH_JOB } from '../ids.js';
import { findOffboarding, itemsOfMission } from '../repository.js';
import { proposalNow } from '../start/views.js';
import { isFinished } from './views.js';

/** The offboarding's interactive messages, each rebuilt from the current state by `renderNow`. */
export type OffboardingMessageKind = 'handover' | 'feedbackReminder' | 'proposal' | 'renewal';

/**
 * Remembers an interactive offboarding DM once Slack accepted it (a DM in doubt has no known place:
 * it cannot be kept current, and the Homes show the same state). `arg`: the side of a handover
 * checklist, the end date a proposal was for.
 */
export async function rememberOffboardingMessage(
  deps: OffboardingDeps,
  missionId: string,
  kind: OffboardingMessageKind,
  to: string,
  arg: string,
  sent: Delivery | { status: 'sent'; ref: { channel: string; ts: string } },
  message: OutgoingMessage | null,
): Promise<void> {
  if (sent.status !== 'sent') return;
  const what = { subject: messagesSubject(missionId), kind, to, arg };
  await rememberMessage(deps.db, what, sent.ref, message, deps.clock.now());
}

/** After any change of a mission (its offboarding, its status, its manager): rewrite its offboarding messages, as a durable job. */
export function queueOffboardingRefresh(deps: OffboardingDeps, missionId: string): Promise<void> {
  return queueRefresh(deps, REFRESH_JOB, messagesSubject(missionId));
}

/** The job: every remembered offboarding message of the subject, rebuilt from the stored state. */
export async function refreshOffboardingMessages(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  await refreshFromJob(deps, payload, (m) => renderNow(deps, m));
  return undefined;
}

/** One message as it should read now, for its reader. */
async function renderNow(deps: OffboardingDeps, m: LiveMessage): Promise<Rendering> {
  const missionId = m.subject.slice(messagesSubject('').length);
  const [mission, off] = await Promise.all([
    findMission(deps.db, missionId),
    findOffboarding(deps.db, missionId),
  ]);
  if (!mission) return null;
  const reader = await readerOf(deps, m.to);
  const tr = translator(reader.locale);
  const finished = isFinished(mission);
  switch (m.kind) {
    case 'handover': {
      if (!off) return null;
      const side = m.arg === 'freelancer' ? 'freelancer' : 'manager';
      const items = await itemsOfMission(deps.db, missionId);
      return { message: handoverMessage(mission, items, side, reader, off), final: finished };
    }
    case 'feedbackReminder': {
      const message = feedbackReminderMessage(tr, mission, off, reader);
      return { message, final: finished || (off !== null && off.feedbackState !== 'pending') };
    }
    case 'proposal':
      return proposalNow(tr, mission, reader, m.arg, off);
    case 'renewal':
      return { message: renewalMessage(tr, mission), final: mission.nextMissionId !== null };
    default:
      return null;
  }
}
