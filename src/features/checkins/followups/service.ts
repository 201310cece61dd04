// After an answer: who hears what. The routing is pure (rules.ts); each DM is a durable job
// run at once, which reads its recipient's language and zone, so one failure does not stop the others.
import { z } from 'zod';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { readerOf } from '../../../slack/reader.js';
import { findCheckin } from '../answers/repository.js';
import type { CheckinsDeps as Deps } from '../deps.js';
import type { Checkin, CheckinAnswer } from '../model.js';
import { loadQuestions } from '../questions/service.js';
import { type FollowUpFacts, planFollowUps } from './rules.js';
import { alertMessage, hrOnlyNotice, summaryMessage } from './views.js';

type Answered = Checkin & { answer: CheckinAnswer };

/** The job that sends one follow-up DM. */
export const FOLLOWUP_JOB = 'checkins.followup';

// A job's payload names the check-in and what to say, never the answer itself (read when sending).
const followUpPayload = z.object({
  checkinId: z.string(),
  to: z.string(),
  kind: z.enum(['summary', 'hrNotice', 'alert']),
  audience: z.enum(['manager', 'admins']).nullable(),
  reasons: z.array(z.enum(['lowScore', 'blockers', 'needsHelp'])),
  repeat: z.boolean(),
  edited: z.boolean(),
  /** A summary that carries the alert (absent in jobs queued before: a plain summary). */
  withAlert: z.boolean().default(false),
});
type FollowUpPayload = z.infer<typeof followUpPayload>;

/**
 * Queues the follow-ups of a stored answer, one job per DM, and runs them at once: they go out
 * right away, and one that fails (Slack down, the process stopping) is retried by the job runner
 * instead of being lost. A replay of the same store queues nothing twice (the key names the version).
 */
export async function queueFollowUps(
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
  if (
    facts.alertReasons.length > 0 &&
    !plan.some((p) => p.kind === 'alert' || (p.kind === 'summary' && p.alert))
  ) {
    deps.logger.warn('check-in alert has no recipient (no admin configured)', {
      checkinId: c._id.toString(),
    });
  }
  const runner = deps.scheduler.runner;
  const version = c.updatedAt.getTime();
  // Per recipient, in the plan's order (a manager reads the summary, then the alert); recipients in parallel.
  const keysByRecipient = new Map<string, string[]>();
  for (const p of plan) {
    const key = `checkin-followup:${c._id.toString()}:${version}:${p.kind}:${p.to}`;
    const payload: FollowUpPayload = {
      checkinId: c._id.toString(),
      to: p.to,
      kind: p.kind,
      audience: p.kind === 'alert' ? p.audience : null,
      reasons: [...facts.alertReasons],
      repeat: facts.repeat,
      edited: facts.previousVisibility !== null,
      withAlert: p.kind === 'summary' && p.alert,
    };
    await runner.enqueue({ key, name: FOLLOWUP_JOB, runAt: deps.clock.now(), payload });
    keysByRecipient.set(p.to, [...(keysByRecipient.get(p.to) ?? []), key]);
  }
  await Promise.all(
    [...keysByRecipient.values()].map(async (keys) => {
      for (const key of keys) await runner.runNow(key);
    }),
  );
}

/**
 * Sends one follow-up, in its reader's language and time zone, from the answer as stored now. What
 * the manager may read is checked again: an answer made HR-only since the job was queued is not shown.
 */
export async function sendFollowUp(deps: Deps, raw: Record<string, unknown>, jobKey: string): Promise<void> {
  const p = followUpPayload.parse(raw);
  const c = await findCheckin(deps.db, p.checkinId);
  if (c?.status !== 'answered' || !c.answer) return;
  const answered: Answered = { ...c, answer: c.answer };
  const showsAnswer = p.kind === 'summary' || (p.kind === 'alert' && p.audience === 'manager');
  if (showsAnswer && answered.answer.visibility !== 'manager') return;
  const reader = await readerOf(deps, p.to);
  const questions = await loadQuestions(deps.db);
  let message: OutgoingMessage;
  if (p.kind === 'summary') {
    const alert = p.withAlert ? { reasons: p.reasons, repeat: p.repeat } : undefined;
    message = summaryMessage(answered, reader, questions, p.edited, alert);
  } else if (p.kind === 'hrNotice') message = hrOnlyNotice(answered, reader, p.edited);
  else {
    const opts = { reasons: p.reasons, repeat: p.repeat, audience: p.audience ?? 'admins' };
    message = alertMessage(answered, reader, questions, opts);
  }
  const result = await deps.dispatcher.sendForJob(
    jobKey,
    { to: p.to, message },
    { signal: deps.scheduler.stopSignal },
  );
  if (result.status === 'refused') {
    // Retrying would fail the same way. Ids and Slack's error code only: answers are never logged.
    deps.logger.warn('check-in follow-up undeliverable', {
      checkinId: p.checkinId,
      kind: p.kind,
      to: p.to,
      error: result.error,
    });
  }
}
