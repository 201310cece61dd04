import {
  forgetShown,
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshFromJob,
  refreshSubject,
  rememberMessage,
} from '../../../delivery/live.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import { findMission, isOpen } from '../../missions/index.js';
import { checklistReaderOf, zoneOf } from '../checklist/service.js';
import { checklistMessage } from '../checklist/views.js';
import type { OnboardingDeps } from '../deps.js';
import { messagesSubject, REFRESH_JOB } from '../ids.js';
import { reminderMessage } from '../reminders/views.js';
import { findItem, itemsOfMission } from '../repository.js';
import { sideUserId } from '../rules.js';

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

/**
 * After any change of a mission: rewrite its onboarding messages, as a durable job. `redraw`: a
 * click came from a copy that showed another state (a stale copy, a replay): rewrite every copy.
 */
export async function queueOnboardingRefresh(
  deps: OnboardingDeps,
  missionId: string,
  opts: { redraw?: boolean } = {},
): Promise<void> {
  if (opts.redraw) await forgetShown(deps.db, messagesSubject(missionId));
  await queueRefresh(deps, REFRESH_JOB, messagesSubject(missionId));
}

/** The job: every remembered onboarding message of the subject, rebuilt from the stored state. */
export async function refreshOnboardingMessages(
  deps: OnboardingDeps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  await adoptChecklists(deps, refreshSubject(payload));
  await refreshFromJob(deps, payload, (m) => renderNow(deps, m));
  return undefined;
}

/** Checklists posted before they were remembered (their places are on the mission) join the others. */
async function adoptChecklists(deps: OnboardingDeps, subject: string): Promise<void> {
  const mission = await findMission(deps.db, subject.slice(messagesSubject('').length));
  if (!mission) return;
  for (const side of ['freelancer', 'manager'] as const) {
    const ref = side === 'freelancer' ? mission.freelancerChecklistMessage : mission.managerChecklistMessage;
    if (!ref?.channel || !ref.ts) continue;
    const what = { subject, kind: 'checklist', to: sideUserId(mission, side), arg: side };
    await rememberMessage(deps.db, what, ref, null, deps.clock.now());
  }
}

async function renderNow(deps: OnboardingDeps, m: LiveMessage): Promise<Rendering> {
  const mission = await findMission(deps.db, m.subject.slice(messagesSubject('').length));
  if (!mission) return null;
  const final = !isOpen(mission.status);
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
