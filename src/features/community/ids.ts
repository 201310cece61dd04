/** `/event-invite`. */
export const EVENT_COMMAND = '/event-invite';

/** callback_id of the event modal (create and edit; the event id rides in private_metadata). */
export const EVENT_MODAL = 'community.event';
/** callback_id of the modal that invites people by DM. */
export const INVITE_MODAL = 'community.invite';
/** callback_id of the attendee list modal. */
export const ATTENDEES_MODAL = 'community.attendees';

/** The RSVP buttons; their value is the event id. */
export const RSVP_ACTION = {
  going: 'community.rsvp.going',
  maybe: 'community.rsvp.maybe',
  no: 'community.rsvp.no',
} as const;
export const RSVP_ACTION_PATTERN = /^community\.rsvp\.(going|maybe|no)$/;
/** The animator's overflow menu on the invite; option values are `<command>:<eventId>`. */
export const EVENT_MENU = 'community.menu';
/** Page buttons of the attendee list; value `<eventId>:<page>`. */
export const ATTENDEES_PAGE = 'community.attendees.page';

/** Block and action ids of the event modal's inputs (each input's action_id is its block_id). */
export const field = {
  title: 'community_title',
  description: 'community_description',
  date: 'community_date',
  time: 'community_time',
  timezone: 'community_timezone',
  duration: 'community_duration',
  place: 'community_place',
  capacity: 'community_capacity',
  channel: 'community_channel',
  deadlineDate: 'community_deadline_date',
  deadlineTime: 'community_deadline_time',
  invitees: 'community_invitees',
} as const;

export const limits = { title: 150, description: 2000, place: 500, capacity: 500 } as const;

/** Job names. */
export const REMINDER_JOB = 'community.reminder';
export const NOTICE_JOB = 'community.notice';
export const PROMOTED_JOB = 'community.promoted';
export const INVITES_JOB = 'community.invites';
export const DIGEST_JOB = 'community.digest';
/** Rewrites the invite's copies sent by DM (src/delivery/live.ts). */
export const COPIES_JOB = 'community.copies';

/** The subject of an event's DM copies in `live_messages`. */
export function copiesSubject(eventId: string): string {
  return `community:${eventId}`;
}

/** The two reminders before an event. */
export const reminderOffsets = { '24h': 24 * 3_600_000, '1h': 3_600_000 } as const;
export type ReminderKind = keyof typeof reminderOffsets;

/** One reminder job per event, kind and start time: an edit to a new time plans new ones, the old ones find nothing to do. */
export function reminderJobKey(eventId: string, startsAt: Date, kind: ReminderKind): string {
  return `${REMINDER_JOB}:${eventId}:${startsAt.toISOString()}:${kind}`;
}

/** How long the invite message waits between two updates (chat.update is Tier 3: about 50 a minute). */
export const RENDER_INTERVAL_MS = 1_200;
