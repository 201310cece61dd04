import { DateTime } from 'luxon';
import { z } from 'zod';
import { isMessageKey } from '../../../i18n/index.js';
import { type FieldErrors, inputValue, type ViewState } from '../../../slack/view-state.js';
import { field, limits } from '../ids.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The mission form once parsed (before the checks that need Slack or the clock). */
export const missionForm = z.object({
  freelancerId: z.string({ error: 'missions.error.freelancerRequired' }).regex(/^[UW][A-Z0-9]+$/),
  title: z
    .string({ error: 'missions.error.titleRequired' })
    .max(limits.title, { error: 'missions.error.tooLong' }),
  brief: z.string().max(limits.brief, { error: 'missions.error.tooLong' }).default(''),
  objectives: z.string().max(limits.objectives, { error: 'missions.error.tooLong' }).default(''),
  startDate: isoDate,
  endDate: isoDate,
  channelId: z
    .string()
    .regex(/^[CG][A-Z0-9]+$/)
    .optional(),
  buddyId: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/)
    .optional(),
  skills: z
    .string()
    .max(limits.skills, { error: 'missions.error.tooLong' })
    .optional()
    .transform((s) =>
      [
        ...new Set(
          (s ?? '')
            .split(/[,;\n]/)
            .map((x) => x.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    ),
  templateKey: z.string().max(64).default('default'),
  checkinWeekday: z.coerce.number().int().min(1).max(7).default(1),
  checkinTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('10:00'),
  needExpressedOn: isoDate.optional(),
});
export type MissionForm = z.output<typeof missionForm>;

const formFieldOf: Record<string, string> = {
  freelancerId: field.freelancer,
  title: field.title,
  brief: field.brief,
  objectives: field.objectives,
  startDate: field.start,
  endDate: field.end,
  channelId: field.channel,
  buddyId: field.buddy,
  skills: field.skills,
  templateKey: field.template,
  checkinWeekday: field.checkinDay,
  checkinTime: field.checkinTime,
  needExpressedOn: field.needExpressed,
};

/** Field errors: block_id → i18n key. */

/** Reads the mission modal's state into a form, or field errors keyed by block_id. */
export function parseMissionForm(
  state: ViewState,
): { ok: true; form: MissionForm } | { ok: false; errors: FieldErrors } {
  const raw = {
    freelancerId: inputValue(state, field.freelancer),
    title: inputValue(state, field.title),
    brief: inputValue(state, field.brief),
    objectives: inputValue(state, field.objectives),
    startDate: inputValue(state, field.start),
    endDate: inputValue(state, field.end),
    channelId: inputValue(state, field.channel),
    buddyId: inputValue(state, field.buddy),
    skills: inputValue(state, field.skills),
    templateKey: inputValue(state, field.template),
    checkinWeekday: inputValue(state, field.checkinDay),
    checkinTime: inputValue(state, field.checkinTime),
    needExpressedOn: inputValue(state, field.needExpressed),
  };
  const parsed = missionForm.safeParse(raw);
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    const blockId = formFieldOf[key];
    if (!blockId || errors[blockId]) continue;
    errors[blockId] = isMessageKey(issue.message) ? issue.message : 'missions.error.invalid';
  }
  return { ok: false, errors };
}

/** Facts about the people involved, read from Slack by the caller. */
export interface PeopleFacts {
  managerId: string;
  freelancer: { isBot: boolean; deleted: boolean } | undefined;
  buddy?: { isBot: boolean; deleted: boolean } | undefined;
}

/** Rules that need the clock or Slack: dates, the freelancer, the buddy. `today` is `yyyy-MM-dd`. */
export function checkMissionRules(form: MissionForm, people: PeopleFacts, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const start = DateTime.fromISO(form.startDate, { zone: 'UTC' });
  const end = DateTime.fromISO(form.endDate, { zone: 'UTC' });
  const now = DateTime.fromISO(today, { zone: 'UTC' });
  if (!start.isValid) errors[field.start] = 'missions.error.invalid';
  if (!end.isValid) errors[field.end] = 'missions.error.invalid';
  if (start.isValid && end.isValid) {
    if (end <= start) errors[field.end] = 'missions.error.endBeforeStart';
    else if (end.diff(start, 'days').days > 366) errors[field.end] = 'missions.error.tooLongSpan';
    if (start < now.minus({ days: 30 })) errors[field.start] = 'missions.error.startTooOld';
  }
  if (form.needExpressedOn && start.isValid && form.needExpressedOn > form.startDate) {
    errors[field.needExpressed] = 'missions.error.needAfterStart';
  }
  if (form.freelancerId === people.managerId) errors[field.freelancer] = 'missions.error.freelancerIsManager';
  else if (!people.freelancer) errors[field.freelancer] = 'missions.error.freelancerUnknown';
  else if (people.freelancer.isBot) errors[field.freelancer] = 'missions.error.freelancerIsBot';
  else if (people.freelancer.deleted) errors[field.freelancer] = 'missions.error.freelancerDeactivated';
  if (form.buddyId) {
    if (form.buddyId === form.freelancerId) errors[field.buddy] = 'missions.error.buddyIsFreelancer';
    else if (!people.buddy || people.buddy.isBot || people.buddy.deleted)
      errors[field.buddy] = 'missions.error.buddyInvalid';
  }
  return errors;
}

/** The modal's private_metadata: where the command was typed (to answer there). */
export const modalMetadata = z.object({ v: z.literal(1), channelId: z.string().max(32).optional() });
export type ModalMetadata = z.infer<typeof modalMetadata>;

/** Parses private_metadata, falling back to an empty context when it is missing or tampered with. */
export function parseMetadata(raw: string | undefined): ModalMetadata {
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw ?? '{}'));
    return parsed.success ? parsed.data : { v: 1 };
  } catch {
    return { v: 1 };
  }
}
