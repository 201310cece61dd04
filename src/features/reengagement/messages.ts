import type { Delivery } from '../../delivery/dispatcher.js';
import {
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshFromJob,
  rememberMessage,
} from '../../delivery/live.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { readerOf } from '../../slack/reader.js';
import type { ReengagementDeps as Deps } from './deps.js';
import { REFRESH_JOB } from './ids.js';
import { findPlan, personById } from './repository.js';
import { nudgeAnswered, nudgeMessage, pingAnswered, pingMessage } from './views.js';

/**
 * Nudges and availability pings are kept current through `live_messages` (src/delivery/live.ts):
 * an answer given on one of them (or on a later one) settles every one sent before it, which then
 * says what was chosen, without buttons. Subjects: `reengagement:nudge:<missionId>` (kind `nudge`,
 * `arg` the days it counted) and `reengagement:ping:<person record id>` (kind `ping`, `arg` the
 * date it offered; no user id in a subject, which outlives an erasure in the job log).
 */
const NUDGE = 'reengagement:nudge:';
const PING = 'reengagement:ping:';
export const nudgeSubject = (missionId: string) => `${NUDGE}${missionId}`;
export const pingSubject = (personId: string) => `${PING}${personId}`;

/** Remembers a nudge or a ping Slack accepted (one in doubt has no known place). */
export async function rememberReengagementMessage(
  deps: Deps,
  what: { subject: string; kind: 'nudge' | 'ping'; to: string; arg: string },
  sent: Delivery,
  message: OutgoingMessage,
): Promise<void> {
  if (sent.status !== 'sent') return;
  await rememberMessage(deps.db, what, sent.ref, message, deps.clock.now());
}

/** After an answer: rewrite the subject's messages, as a durable job. */
export function queueReengagementRefresh(deps: Deps, subject: string): Promise<void> {
  return queueRefresh(deps, REFRESH_JOB, subject);
}

/** The job: every remembered message of the subject, rebuilt from the stored answers. */
export async function refreshReengagementMessages(
  deps: Deps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  await refreshFromJob(deps, payload, (m) => renderNow(deps, m));
  return undefined;
}

/** A message answered after it was sent says the answer (final); one sent after it stays as it was. */
async function renderNow(deps: Deps, m: LiveMessage): Promise<Rendering> {
  if (m.kind === 'nudge' && m.subject.startsWith(NUDGE)) {
    const plan = await findPlan(deps.db, m.subject.slice(NUDGE.length));
    if (!plan) return null;
    const reader = await readerOf(deps, m.to);
    const answer = plan.lastAnswer;
    if (plan.stopped || (answer && answer.at >= m.at)) {
      const choice = plan.stopped ? 'stopped' : (answer?.choice ?? 'stopped');
      const until = choice === 'snoozed' ? (plan.remindAt ?? undefined) : undefined;
      return { message: nudgeAnswered(choice, plan, reader, until), final: true };
    }
    return { message: nudgeMessage(plan, Number(m.arg) || 0, reader.locale) };
  }
  if (m.kind === 'ping' && m.subject.startsWith(PING)) {
    const person = await personById(deps.db, m.subject.slice(PING.length));
    if (!person) return null;
    const locale = await deps.users.localeOf(m.to, deps.config.defaultLocale);
    const answer = person.lastAnswer;
    if (person.stopAsking) return { message: pingAnswered({ kind: 'stop' }, locale), final: true };
    if (answer && answer.at >= m.at) {
      const said =
        answer.kind === 'available' && answer.from
          ? { kind: 'available' as const, from: answer.from }
          : { kind: answer.kind === 'stop' ? ('stop' as const) : ('notNow' as const) };
      return { message: pingAnswered(said, locale), final: true };
    }
    return { message: pingMessage(locale, m.arg) };
  }
  return null;
}
