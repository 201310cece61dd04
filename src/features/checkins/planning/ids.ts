/** Prefix of the once-an-hour planning mark (`scheduler_marks`): `checkins.plan:<UTC hour>`. */
export const PLAN_MARK = 'checkins.plan';
