import type { AlertReason } from '../answers/rules.js';
import type { Visibility } from '../model.js';
import type { AlertAudience } from './views.js';

/** One message to send after an answer. */
export type FollowUp =
  /** `alert`: the summary carries the alert (one message to the manager, each answer once). */
  | { to: string; kind: 'summary'; alert: boolean }
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
 * - shared with the manager: the manager gets the summary (again after an edit), which carries any
 *   alert (one message, not a summary and an alert repeating every answer);
 *   admins get the alert too when it is the second week in a row;
 * - HR only: the manager is only told that an answer exists (not again after an edit that keeps it
 *   HR-only: there is nothing new they may know); alerts go to the admins instead, never the manager,
 *   even when the manager is an admin too.
 */
export function planFollowUps(f: FollowUpFacts): FollowUp[] {
  const plan: FollowUp[] = [];
  const alert = f.alertReasons.length > 0;
  if (f.visibility === 'manager') plan.push({ to: f.managerId, kind: 'summary', alert });
  else if (f.previousVisibility !== 'hr') plan.push({ to: f.managerId, kind: 'hrNotice' });
  if (!alert) return plan;
  const admins = [...new Set(f.adminIds)].filter((id) => id !== f.managerId && id !== f.freelancerId);
  if (f.visibility === 'hr' || f.repeat) {
    for (const id of admins) plan.push({ to: id, kind: 'alert', audience: 'admins' });
  }
  return plan;
}
