import {
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshLiveMessages,
  rememberMessage,
} from '../../../delivery/live.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import { findMission } from '../../missions/index.js';
import { checklistReaderOf, zoneOf } from '../checklist/service.js';
import { checklistMessage } from '../checklist/views.js';
import type { OnboardingDeps } from '../deps.js';
import { messagesSubject, REFRESH_JOB } from '../ids.js';
import { reminderMessage } from '../reminders/views.js';
import { findItem, itemsOfMission } from '../repository.js';

/** The onboarding's interactive messages: each side's checklist, an overdue item's reminder. */
export type OnboardingMessageKind = 'checklist' | 'reminder';

/** Remembers a posted onboarding message (`arg`: the checklist's side, the reminder's item id). */
export async function rememberOnboardingMessage(
  deps: OnboardingDeps,
  missionId: string,
  kind: OnboardingMessageKind,
  to: string,
  arg: string,
  ref: PostedRef,
  message: OutgoingMessage,
): Promise<void> {
  const what = { subject: messagesSubject(missionId), kind, to, arg };
  await rememberMessage(deps.db, what, ref, message, deps.clock.now());
}

/** After any change of a mission: rewrite its onboarding messages, as a durable job. */
export function queueOnboardingRefresh(deps: OnboardingDeps, missionId: string): Promise<void> {
  return queueRefresh(deps, REFRESH_JOB, messagesSubject(missionId));
}

/** The job: every remembered onboarding message of the subject, rebuilt from the stored state. */
export async function refreshOnboardingMessages(
  deps: OnboardingDeps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  const subject = typeof payload.subject === 'string' ? payload.subject : '';
  await refreshLiveMessages(deps, subject, (m) => renderNow(deps, m));
  return undefined;
}

async function renderNow(deps: OnboardingDeps, m: LiveMessage): Promise<Rendering> {
  const mission = await findMission(deps.db, m.subject.slice(messagesSubject('').length));
  if (!mission) return null;
  const final = mission.status === 'completed' || mission.status === 'cancelled';
  if (m.kind === 'checklist') {
    const side = m.arg === 'freelancer' ? 'freelancer' : 'manager';
    const items = await itemsOfMission(deps.db, mission._id);
    return { message: checklistMessage(items, mission, await checklistReaderOf(deps, mission, side)), final };
  }
  if (m.kind === 'reminder') {
    const item = await findItem(deps.db, m.arg);
    if (!item) return null;
    const fallback = m.to === mission.freelancerId ? mission.checkin.timezone : deps.config.defaultTimezone;
    const [locale, zone] = await Promise.all([
      deps.users.localeOf(m.to, deps.config.defaultLocale),
      zoneOf(deps, m.to, fallback),
    ]);
    return { message: reminderMessage(item, mission, locale, zone), final };
  }
  return null;
}
