/**
 * What an "advance" of the sandbox clock did, in people's words and the viewer's language
 * ("Sent: 2 check-ins, 1 onboarding reminder. Held until 08:00 …: 1 suggestion …"), instead of the
 * scheduler's log lines. Counted from what the app stored (check-ins) and the jobs that ran.
 */
import { DateTime } from 'luxon';
import type { Connection } from 'mongoose';
import type { JobOutcome } from '../src/scheduler/runner.js';
import { type CountKey, type Words, wordsFor } from './i18n.js';

/** Check-in counts that an advance may change (before and after are compared). */
export interface CheckinTally {
  sent: number;
  reminded: number;
  unanswered: number;
  late: number;
}

/** Counts the check-ins sent, reminded, closed unanswered and skipped as late so far. */
export async function tallyCheckins(db: Connection): Promise<CheckinTally> {
  const c = db.collection('checkins');
  const [sent, reminded, unanswered, late] = await Promise.all([
    c.countDocuments({ sentAt: { $ne: null } }),
    c.countDocuments({ reminderSentAt: { $ne: null } }),
    c.countDocuments({ status: 'missed', outcome: 'unanswered' }),
    c.countDocuments({ status: 'missed', outcome: 'late' }),
  ]);
  return { sent, reminded, unanswered, late };
}

/** What each kind of job sends, as a person would name it. */
const JOB_THINGS: Record<string, CountKey> = {
  'onboarding.reminder': 'thing.onboardingReminder',
  'reengagement.nudge': 'thing.nudge',
  'reengagement.availability': 'thing.availability',
  'offboarding.proposal': 'thing.proposal',
  'offboarding.feedbackReminder': 'thing.feedbackReminder',
  'offboarding.evaluationReminder': 'thing.evaluationReminder',
};

/** "2 check-ins, 1 onboarding reminder" from counts by thing. */
function list(words: Words, counts: Map<CountKey, number>): string {
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([key, n]) => words.n(key, n))
    .join(', ');
}

const add = (m: Map<CountKey, number>, key: CountKey, n = 1) => m.set(key, (m.get(key) ?? 0) + n);

/** The sentences for one advance, for a viewer of `locale` in `zone`. */
export function describeAdvance(
  before: CheckinTally,
  after: CheckinTally,
  outcomes: readonly JobOutcome[],
  viewer: { locale: string | undefined; zone: string; now: Date },
): string {
  const words = wordsFor(viewer.locale);
  const sent = new Map<CountKey, number>();
  add(sent, 'thing.checkin', after.sent - before.sent);
  add(sent, 'thing.checkinReminder', after.reminded - before.reminded);
  const held = new Map<string, Map<CountKey, number>>();
  const retry = new Map<CountKey, number>();
  const failed = new Map<CountKey, number>();
  const today = DateTime.fromJSDate(viewer.now, { zone: viewer.zone }).toISODate();
  for (const o of outcomes) {
    const thing = JOB_THINGS[o.name] ?? 'thing.other';
    if (o.result === 'done') add(sent, thing);
    else if (o.result === 'deferred' && o.retryAt) {
      const at = DateTime.fromJSDate(o.retryAt, { zone: viewer.zone }).setLocale(viewer.locale ?? 'en');
      const until =
        at.toISODate() === today
          ? at.toLocaleString(DateTime.TIME_SIMPLE)
          : at.toLocaleString({
              weekday: 'short',
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
            });
      const group = held.get(until) ?? new Map<CountKey, number>();
      add(group, thing);
      held.set(until, group);
    } else if (o.result === 'retry' || o.result === 'deferred') add(retry, thing);
    else add(failed, thing);
  }
  const closed = new Map<CountKey, number>([['thing.checkin', after.unanswered - before.unanswered]]);
  const skipped = new Map<CountKey, number>([['thing.checkin', after.late - before.late]]);
  const sentences = [
    list(words, sent) && words.w('clock.sent', { list: list(words, sent) }),
    ...[...held].map(([until, group]) => words.w('clock.held', { until, list: list(words, group) })),
    list(words, closed) && words.w('clock.closed', { list: list(words, closed) }),
    list(words, skipped) && words.w('clock.skipped', { list: list(words, skipped) }),
    list(words, retry) && words.w('clock.retry', { list: list(words, retry) }),
    list(words, failed) && words.w('clock.failed', { list: list(words, failed) }),
  ].filter((s) => s !== '');
  return sentences.length > 0 ? sentences.join(' ') : words.w('nothingDue');
}
