// Who may answer a check-in, until when, and what makes an answer an alert. Pure: no Slack, no database.
import type { MessageKey } from '../../../i18n/index.js';
import type { Checkin, CheckinAnswer } from '../model.js';

/** Whether a check-in takes an answer (or an edit) now, and until when (null: no set end). */
export type Availability =
  | { open: true; editing: boolean; until: Date | null }
  | { open: false; reason: MessageKey };

type Window = Pick<Checkin, 'status' | 'closesAt' | 'editableUntil'>;

function openUntil(until: Date | null, now: Date, editing: boolean): Availability | null {
  return until === null || now < until ? { open: true, editing, until } : null;
}

/**
 * A sent check-in is answerable until it closes (`closesAt`, when set); an answered one stays
 * editable until `editableUntil` (the next check-in), or `closesAt` when that is not set.
 */
export function availability(c: Window, now: Date): Availability {
  switch (c.status) {
    case 'sent':
      return openUntil(c.closesAt, now, false) ?? { open: false, reason: 'checkins.refuse.closed' };
    case 'answered':
      return (
        openUntil(c.editableUntil ?? c.closesAt, now, true) ?? {
          open: false,
          reason: 'checkins.refuse.editClosed',
        }
      );
    case 'missed':
      return { open: false, reason: 'checkins.refuse.missed' };
    case 'skipped':
      return { open: false, reason: 'checkins.refuse.skipped' };
    default:
      return { open: false, reason: 'checkins.refuse.notSent' };
  }
}

/** Why the user may not answer this check-in now, or null when they may. Only its freelancer may. */
export function refusalFor(c: Checkin | null, userId: string, now: Date): MessageKey | null {
  if (!c) return 'checkins.refuse.notFound';
  if (c.freelancerId !== userId) return 'checkins.refuse.forbidden';
  const a = availability(c, now);
  return a.open ? null : a.reason;
}

/** Why an answer raises an alert. */
export type AlertReason = 'lowScore' | 'blockers' | 'needsHelp';

/** Score ≤ 2, a blocker, or an explicit request for help: each is something the manager should act on. */
export function alertReasons(a: Pick<CheckinAnswer, 'score' | 'blockers' | 'needsHelp'>): AlertReason[] {
  const reasons: AlertReason[] = [];
  if (a.score <= 2) reasons.push('lowScore');
  if (a.blockers.trim() !== '') reasons.push('blockers');
  if (a.needsHelp) reasons.push('needsHelp');
  return reasons;
}

function canonical(a: CheckinAnswer): string {
  const extra = Object.fromEntries(Object.entries(a.extra).sort(([x], [y]) => x.localeCompare(y)));
  return JSON.stringify([a.score, a.progress, a.blockers, a.needsHelp, a.note, a.visibility, extra]);
}

/** Whether two answers say the same (a replayed submission, or an edit that changed nothing). */
export function sameAnswer(a: CheckinAnswer | null, b: CheckinAnswer): boolean {
  return a !== null && canonical(a) === canonical(b);
}
