/** callback_id of the mission modal. */
export const MISSION_MODAL = 'missions.start';
/** callback_ids of the admin correction modals. */
export const DATES_MODAL = 'missions.admin.dates';
export const REASSIGN_MODAL = 'missions.admin.reassign';
/** action_id of the admin overflow menu on a mission; option values are `<action>:<missionId>`. */
export const ADMIN_MENU = 'missions.admin.menu';
export const adminActions = ['dates', 'reassign', 'cancel'] as const;
export type AdminAction = (typeof adminActions)[number];

/** block_ids (and action_id = `value`) of the mission modal inputs: validation errors are keyed by them. */
export const field = {
  freelancer: 'freelancer',
  title: 'title',
  brief: 'brief',
  objectives: 'objectives',
  start: 'start',
  end: 'end',
  channel: 'channel',
  buddy: 'buddy',
  skills: 'skills',
  template: 'template',
  checkinDay: 'checkin_day',
  checkinTime: 'checkin_time',
  needExpressed: 'need_expressed',
  manager: 'manager',
} as const;

/** Text limits of the modal inputs (Slack shows sections ≤3000 characters; keep room for labels). */
export const limits = { title: 150, brief: 2000, objectives: 2000, skills: 300 } as const;
export const CANCEL_MODAL = 'missions.admin.cancel';
/** action_id of the "pick" button of an alumnus suggested in the mission modal (value: the user id). */
export const PICK_ALUMNUS = 'missions.start.pick_alumnus';
/** block_id of the suggestions in the mission modal. */
export const ALUMNI_BLOCK = 'missions.start.alumni';
