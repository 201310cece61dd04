/** Action, view and job ids of the check-ins feature (one place, shared by views and listeners). */
export const OPEN_CHECKIN = 'checkin_open';
export const CHECKIN_VIEW = 'checkin_submit';
export const PLAN_JOB = 'checkins.plan';
