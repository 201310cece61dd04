import type { Pass, Worker } from '../../../scheduler/scheduler.js';
import type { CheckinsDeps } from '../deps.js';
import { closeEditWindows, closeMissedWeeks } from './closing.js';
import { type DeliveryReport, deliverDue } from './service.js';

/** Closing the unanswered weeks: a short pass. */
export function closingPasses(deps: CheckinsDeps): Record<string, Pass> {
  return {
    'checkins.close': async (now) => {
      const missed = await closeMissedWeeks(deps, now);
      const edits = await closeEditWindows(deps, now);
      return joined([
        missed && `${missed} unanswered, now missed`,
        edits && `${edits} answer(s) no longer editable`,
      ]);
    },
  };
}

/** The check-in DMs: a long paced delivery, stopped at a safe point. */
export function deliveryWorkers(deps: CheckinsDeps): Record<string, Worker> {
  return {
    'checkins.delivery': async (now, signal) => deliveryNote(await deliverDue(deps, now, { signal })),
  };
}

function deliveryNote(d: DeliveryReport): string | undefined {
  return joined([
    d.sent && `${d.sent} sent`,
    d.late && `${d.late} missed (due over 12 h ago)`,
    d.retry && `${d.retry} to retry`,
    d.undeliverable && `${d.undeliverable} undeliverable`,
    d.inDoubt && `${d.inDoubt} in doubt (not sent again)`,
    d.released && `${d.released} back in the queue (stopped before sending them)`,
  ]);
}

/** The parts of a pass's note that say something, joined (undefined: nothing to say). */
export function joined(parts: (string | 0 | false)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string');
  return kept.length > 0 ? kept.join(', ') : undefined;
}
