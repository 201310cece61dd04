// After an answer: who hears what. The routing is pure (planFollowUps); sending reads each
// recipient's language and zone and posts one DM each, so one failure does not stop the others.
import type { Deps } from '../../deps.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { readerOf } from '../home/reader.js';
import type { AlertReason } from './answer-rules.js';
import { type AlertAudience, alertMessage, hrOnlyNotice, summaryMessage } from './followup-views.js';
import type { Checkin, CheckinAnswer, Visibility } from './model.js';
import { loadQuestions } from './questions.js';

/** One message to send after an answer. */
export type FollowUp =
  | { to: string; kind: 'summary' }
  | { to: string; kind: 'hrNotice' }
  | { to: string; kind: 'alert'; audience: AlertAudience };

/** The facts the routing looks at. `previousVisibility` is null for a first answer. */
export interface FollowUpFacts {
  managerId: string;
  freelancerId: string;
  visibility: Visibility;
  previousVisibility: Visibility | null;
  /** Reasons of an alert raised by this answer (empty: none, or already raised before an edit). */
  alertReasons: readonly AlertReason[];
  /** The mission's previous check-in raised an alert too. */
  repeat: boolean;
  adminIds: readonly string[];
}

/**
 * - shared with the manager: the manager gets the summary (again after an edit) and any alert;
 *   admins get the alert too when it is the second week in a row;
 * - HR only: the manager is only told that an answer exists (not again after an edit that keeps it
 *   HR-only: there is nothing new they may know); alerts go to the admins instead, never the manager,
 *   even when the manager is an admin too.
 */
export function planFollowUps(f: FollowUpFacts): FollowUp[] {
  const plan: FollowUp[] = [];
  if (f.visibility === 'manager') plan.push({ to: f.managerId, kind: 'summary' });
  else if (f.previousVisibility !== 'hr') plan.push({ to: f.managerId, kind: 'hrNotice' });
  if (f.alertReasons.length === 0) return plan;
  const admins = [...new Set(f.adminIds)].filter((id) => id !== f.managerId && id !== f.freelancerId);
  if (f.visibility === 'manager') plan.push({ to: f.managerId, kind: 'alert', audience: 'manager' });
  if (f.visibility === 'hr' || f.repeat) {
    for (const id of admins) plan.push({ to: id, kind: 'alert', audience: 'admins' });
  }
  return plan;
}

type Answered = Checkin & { answer: CheckinAnswer };

/** Sends the follow-ups of a stored answer, each in its reader's language and time zone. */
export async function sendFollowUps(
  deps: Deps,
  c: Answered,
  facts: Pick<FollowUpFacts, 'previousVisibility' | 'alertReasons' | 'repeat'>,
): Promise<void> {
  const plan = planFollowUps({
    ...facts,
    managerId: c.managerId,
    freelancerId: c.freelancerId,
    visibility: c.answer.visibility,
    adminIds: deps.config.adminUserIds,
  });
  if (facts.alertReasons.length > 0 && !plan.some((p) => p.kind === 'alert')) {
    deps.logger.warn('check-in alert has no recipient (no admin configured)', {
      checkinId: c._id.toString(),
    });
  }
  const questions = await loadQuestions(deps.db);
  const edited = facts.previousVisibility !== null;
  await Promise.all(
    plan.map(async (p) => {
      try {
        const reader = await readerOf(deps, p.to);
        let message: OutgoingMessage;
        if (p.kind === 'summary') message = summaryMessage(c, reader, questions, edited);
        else if (p.kind === 'hrNotice') message = hrOnlyNotice(c, reader, edited);
        else {
          const opts = { reasons: facts.alertReasons, repeat: facts.repeat, audience: p.audience };
          message = alertMessage(c, reader, questions, opts);
        }
        await deps.gateway.sendDm(p.to, message);
      } catch (err) {
        // Ids and Slack's error code only: answers are never logged.
        deps.logger.warn('could not send a check-in follow-up', {
          checkinId: c._id.toString(),
          kind: p.kind,
          to: p.to,
          error: (err as { data?: { error?: string } }).data?.error ?? String(err),
        });
      }
    }),
  );
}
