/** The slash command that starts a mission's offboarding. */
export const MISSION_END = '/mission-end';

/** action_ids. Values are a mission id or an item id (24 hex), checked against who clicks. */
export const PICK_MISSION = 'offboarding.pick';
export const START = 'offboarding.start';
export const CHANGE_END = 'offboarding.changeEnd';
export const CONFIRM_ITEM = 'offboarding.item.confirm';
export const WAIVE_ITEM = 'offboarding.item.waive';
export const OPEN_FEEDBACK = 'offboarding.feedback.open';
export const OPEN_EVALUATION = 'offboarding.evaluation.open';
export const FOLLOW_UP = 'offboarding.followUp';
export const VIEW_PRIVATE = 'offboarding.private.view';

/**
 * block_id of a row of the reminder digest (a handover item, a form): a click from it must not redraw
 * the digest as a handover checklist (see handover/listeners.ts).
 */
export function digestRowBlockId(id: string): string {
  return `${DIGEST_ROW}${id}`;
}
const DIGEST_ROW = 'offboarding.digest.';

/** Whether a clicked button sits in a digest row. */
export function isDigestRow(blockId: string | undefined): boolean {
  return blockId?.startsWith(DIGEST_ROW) ?? false;
}

/** callback_ids of the modals. */
export const END_DATE_MODAL = 'offboarding.endDate';
export const LINKS_MODAL = 'offboarding.item.links';
export const WAIVE_MODAL = 'offboarding.item.waiveReason';
export const FEEDBACK_MODAL = 'offboarding.feedback';
export const EVALUATION_MODAL = 'offboarding.evaluation';
/** The read-only modal of an offboarding's private part (no submit). */
export const PRIVATE_MODAL = 'offboarding.private';

/** block_ids (= action_ids) of modal inputs. */
export const field = {
  endDate: 'end_date',
  links: 'links',
  reason: 'reason',
  overall: 'overall',
  onboarding: 'onboarding',
  communication: 'communication',
  recognition: 'recognition',
  improve: 'improve',
  again: 'again',
  recommend: 'recommend',
  rating: 'rating',
  skills: 'skills',
  moreSkills: 'more_skills',
  recommendation: 'recommendation',
  share: 'share',
  privateNote: 'private_note',
  rehire: 'rehire',
  renewed: 'renewed',
} as const;

/** Job names. */
export const PROPOSAL_JOB = 'offboarding.proposal';
export const NOTICE_JOB = 'offboarding.notice';
/** The per-mission feedback reminder of earlier versions: still handled (it joins the freelancer's digest). */
export const FEEDBACK_REMINDER_JOB = 'offboarding.feedbackReminder';
export const DEADLINE_JOB = 'offboarding.deadline';

/** One proposal per mission and end date: a new end date plans a new one, the old one finds it stale. */
export function proposalJobKey(missionId: string, endDate: string): string {
  return `${PROPOSAL_JOB}:${missionId}:${endDate}`;
}

/** The DMs of an offboarding, one job each (sent once: dispatcher.sendForJob). */
export const noticeKinds = ['startFreelancer', 'startManager', 'closedFreelancer', 'closedManager'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export function noticeJobKey(missionId: string, kind: NoticeKind): string {
  return `${NOTICE_JOB}:${missionId}:${kind}`;
}

export function deadlineJobKey(missionId: string): string {
  return `${DEADLINE_JOB}:${missionId}`;
}

/** The job that rewrites a mission's offboarding messages after a change (see messages/service.ts). */
export const REFRESH_JOB = 'offboarding.refresh';

/** The offboarding messages' subject in the live-message store. */
export function messagesSubject(missionId: string): string {
  return `offboarding:${missionId}`;
}
