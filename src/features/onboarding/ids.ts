/** action_id of the checkbox/button that ticks an item; its value is the item id. */
export const TOGGLE_ITEM = 'onboarding.toggle';
