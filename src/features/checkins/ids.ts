/** Action, view, job and mark ids of the check-ins feature (one place, shared by views, listeners and jobs). */
export const OPEN_CHECKIN = 'checkin_open';
export const CHECKIN_VIEW = 'checkin_submit';
/** Prefix of the once-an-hour planning mark (`scheduler_marks`): `checkins.plan:<UTC hour>`. */
export const PLAN_MARK = 'checkins.plan';
