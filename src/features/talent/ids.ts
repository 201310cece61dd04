/** Action ids of /talent results (values are zod-checked; permissions checked on every click). */
export const SEARCH_PAGE = 'talent.search.page';
export const VIEW_PROFILE = 'talent.profile.view';
export const ASK_AVAILABILITY = 'talent.availability.ask';
export const PROPOSE_MISSION = 'talent.mission.propose';
/** The freelancer's answers to an availability question. */
export const AVAILABLE_FROM = 'talent.availability.from';
export const NOT_NOW = 'talent.availability.not_now';
/** The App Home button and the profile modal. */
export const EDIT_PROFILE = 'talent.profile.edit';
export const PROFILE_MODAL = 'talent.profile.modal';
/** block_ids (and action_id = the same string) of the profile modal inputs. */
export const profileField = {
  skills: 'talent_skills',
  availableFrom: 'talent_available_from',
  dayRate: 'talent_day_rate',
  email: 'talent_email',
  optOut: 'talent_opt_out',
} as const;
/** Results per page of /talent (an ephemeral message holds 50 blocks: 4 a result + header and pager). */
export const PAGE_SIZE = 10;
/** The id of the pool's rating totals document. */
export const POOL_STATS_ID = 'pool';
