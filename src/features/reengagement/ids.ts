/** Job names: a manager's nudge about an alumnus, an alumnus's availability ping. */
export const NUDGE_JOB = 'reengagement.nudge';
export const PING_JOB = 'reengagement.availability';
/** Rewrites the nudges or pings of a subject after an answer (src/delivery/live.ts). */
export const REFRESH_JOB = 'reengagement.refresh';

/** action_ids of the nudge's buttons (value: the closed mission's id). */
export const PROPOSE_ACTION = 'reengagement.propose';
export const SNOOZE_ACTION = 'reengagement.snooze';
export const STOP_ACTION = 'reengagement.stop';
/** action_ids of the availability ping (a datepicker and two buttons; about the clicker only). */
export const AVAILABLE_ACTION = 'reengagement.available';
export const NOT_NOW_ACTION = 'reengagement.notnow';
export const STOP_ASKING_ACTION = 'reengagement.stopasking';

/** The job of the nudge `day` days after `missionId` closed. */
export const nudgeJobKey = (missionId: string, day: number) => `reengagement:nudge:${missionId}:${day}`;
/** The job of the reminder a manager asked for ("remind me"), due at `at`: one per mission and moment. */
export const nudgeReminderJobKey = (missionId: string, at: Date) =>
  `reengagement:nudge:${missionId}:remind:${at.toISOString()}`;
/** The job of the availability ping due on `due` (`yyyy-MM-dd`). */
export const pingJobKey = (userId: string, due: string) => `reengagement:ping:${userId}:${due}`;
