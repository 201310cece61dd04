import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { isMessageKey } from '../../../i18n/index.js';
import { type FieldErrors, inputValue, type ViewState } from '../../../slack/view-state.js';
import { field, limits } from '../ids.js';

const isoDate = z.string({ error: 'community.error.dateRequired' }).regex(/^\d{4}-\d{2}-\d{2}$/, {
  error: 'community.error.dateRequired',
});
const hhmm = z
  .string({ error: 'community.error.timeRequired' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'community.error.timeRequired' });

/** The event form as typed (before the checks that need the clock). */
const eventForm = z.object({
  title: z
    .string({ error: 'community.error.titleRequired' })
    .max(limits.title, { error: 'community.error.tooLong' }),
  description: z.string().max(limits.description, { error: 'community.error.tooLong' }).default(''),
  date: isoDate,
  time: hhmm,
  timezone: z
    .string({ error: 'community.error.timezone' })
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'community.error.timezone' }),
  duration: z.coerce
    .number({ error: 'community.error.duration' })
    .int({ error: 'community.error.duration' })
    .min(5, { error: 'community.error.duration' })
    .max(24 * 60, { error: 'community.error.duration' }),
  place: z
    .string({ error: 'community.error.placeRequired' })
    .max(limits.place, { error: 'community.error.tooLong' })
    .refine(linkIsHttps, { error: 'community.error.link' }),
  capacity: z.coerce
    .number({ error: 'community.error.capacity' })
    .int({ error: 'community.error.capacity' })
    .min(1, { error: 'community.error.capacity' })
    .max(limits.capacity, { error: 'community.error.capacity' })
    .optional(),
  channelId: z
    .string({ error: 'community.error.channelRequired' })
    .regex(/^[CG][A-Z0-9]+$/, { error: 'community.error.channelRequired' }),
  deadlineDate: isoDate.optional(),
  deadlineTime: hhmm.optional(),
});

/** A place that looks like a link must be a valid https URL ("Zoom" or "Room 4" are places). */
function linkIsHttps(place: string): boolean {
  const looksLikeLink = /^[a-z][a-z0-9+.-]*:\/\//i.test(place) || /^www\./i.test(place);
  if (!looksLikeLink) return true;
  try {
    const url = new URL(place);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** What the service stores. */
export interface EventInput {
  title: string;
  description: string;
  startsAt: Date;
  timezone: string;
  durationMinutes: number;
  place: string;
  capacity: number | null;
  channelId: string;
  deadline: Date | null;
}

const formFieldOf: Record<string, string> = {
  title: field.title,
  description: field.description,
  date: field.date,
  time: field.time,
  timezone: field.timezone,
  duration: field.duration,
  place: field.place,
  capacity: field.capacity,
  channelId: field.channel,
  deadlineDate: field.deadlineDate,
  deadlineTime: field.deadlineTime,
};

/**
 * Reads the event modal: the event, or errors keyed by block_id (shown under the fields). The
 * start must be in the future and the deadline before the start (`now` from the app's clock).
 */
export function parseEventForm(
  state: ViewState,
  now: Date,
): { ok: true; event: EventInput } | { ok: false; errors: FieldErrors } {
  const raw = Object.fromEntries(
    Object.entries(formFieldOf).map(([k, blockId]) => [k, inputValue(state, blockId)]),
  );
  const parsed = eventForm.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const blockId = formFieldOf[String(issue.path[0])];
      if (!blockId || errors[blockId]) continue;
      errors[blockId] = isMessageKey(issue.message) ? issue.message : 'community.error.invalid';
    }
    return { ok: false, errors };
  }
  const f = parsed.data;
  const start = DateTime.fromISO(`${f.date}T${f.time}`, { zone: f.timezone });
  if (!start.isValid) return { ok: false, errors: { [field.date]: 'community.error.dateRequired' } };
  const startsAt = start.toJSDate();
  if (startsAt <= now) errors[field.date] = 'community.error.past';
  let deadline: Date | null = null;
  if (f.deadlineDate !== undefined || f.deadlineTime !== undefined) {
    if (f.deadlineDate === undefined) errors[field.deadlineDate] = 'community.error.dateRequired';
    else {
      const d = DateTime.fromISO(`${f.deadlineDate}T${f.deadlineTime ?? '23:59'}`, { zone: f.timezone });
      deadline = d.toJSDate();
      if (deadline >= startsAt) errors[field.deadlineDate] = 'community.error.deadlineAfterStart';
      else if (deadline <= now) errors[field.deadlineDate] = 'community.error.deadlinePast';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    event: {
      title: f.title,
      description: f.description,
      startsAt,
      timezone: f.timezone,
      durationMinutes: f.duration,
      place: f.place,
      capacity: f.capacity ?? null,
      channelId: f.channelId,
      deadline,
    },
  };
}

/** The modal's private_metadata: the event being edited, if any. */
const metadata = z.object({
  v: z.literal(1),
  eventId: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional(),
});
export type EventModalMetadata = z.infer<typeof metadata>;

export function parseModalMetadata(raw: string | undefined): EventModalMetadata {
  try {
    const parsed = metadata.safeParse(JSON.parse(raw ?? '{}'));
    return parsed.success ? parsed.data : { v: 1 };
  } catch {
    return { v: 1 };
  }
}

/** An action value carrying an event id (RSVP buttons). */
export const eventIdValue = z.string().regex(/^[a-f0-9]{24}$/);

/** An overflow option: `<command>:<eventId>`. */
export const menuValue = z
  .string()
  .regex(/^(list|edit|invite|cancel):[a-f0-9]{24}$/)
  .transform((v) => {
    const [command, eventId] = v.split(':') as ['list' | 'edit' | 'invite' | 'cancel', string];
    return { command, eventId };
  });

/** A page button of the attendee list: `<eventId>:<page>`. */
export const pageValue = z
  .string()
  .regex(/^[a-f0-9]{24}:\d{1,4}$/)
  .transform((v) => {
    const [eventId, page] = v.split(':') as [string, string];
    return { eventId, page: Number(page) };
  });

/** The invite-by-DM modal: the people picked. */
export const inviteesValue = z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).max(100);
