import type { Types } from 'mongoose';
import type { Offboarding } from '../../src/features/offboarding/model.js';

/** A check-in as the app's writes leave it once delivered: sent, answered or missed unanswered. */
export interface CheckinRecordInput {
  missionId: Types.ObjectId;
  freelancerId: string;
  managerId: string;
  week: string;
  dueAt: Date;
  status: 'sent' | 'answered' | 'missed';
  /** The answer of an answered one: its score, shared with HR only when `hr`. */
  answer?: { score: number; hr?: boolean; at?: Date } | null;
  title?: string;
  lane?: number;
  /** Left to be counted by the analytics applier, as delivery and answers leave it (default true). */
  dirty?: boolean;
}

/** The stored check-in document for `insertMany` (plain Paris freelancer, no DM reference). */
export function checkinRecord(c: CheckinRecordInput): Record<string, unknown> {
  const answer = c.status === 'answered' ? c.answer : null;
  return {
    missionId: c.missionId,
    week: c.week,
    dueAt: c.dueAt,
    freelancerId: c.freelancerId,
    managerId: c.managerId,
    title: c.title ?? 'Mission',
    locale: 'fr',
    zone: 'Europe/Paris',
    country: 'FR',
    lane: c.lane ?? 0,
    status: c.status,
    sentAt: c.dueAt,
    ...(c.status === 'missed' ? { outcome: 'unanswered' } : {}),
    ...(answer
      ? {
          answeredAt: answer.at ?? c.dueAt,
          answer: {
            score: answer.score,
            progress: 'ok',
            blockers: '',
            needsHelp: false,
            note: '',
            visibility: answer.hr ? 'hr' : 'manager',
            extra: {},
          },
        }
      : {}),
    rollupDirty: c.dirty ?? true,
  };
}

/** A mission's offboarding just started (no form in yet), as `insertOffboarding` takes it. */
export function startedOffboarding(
  m: { missionId: string; freelancerId: string; managerId: string },
  startedAt: Date,
): Omit<Offboarding, '_id'> {
  return {
    missionId: m.missionId,
    freelancerId: m.freelancerId,
    managerId: m.managerId,
    startedAt,
    startedBy: m.managerId,
    feedbackState: 'pending',
    feedback: null,
    evaluationGiven: false,
    evaluation: null,
    closed: false,
    closedAt: null,
    remindAt: null,
    feedbackRemindedIn: null,
    evaluationRemindedIn: null,
  };
}
