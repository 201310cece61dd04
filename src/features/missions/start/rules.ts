import { DateTime } from 'luxon';
import type { FieldErrors } from '../../../slack/view-state.js';
import { field } from '../ids.js';
import type { MissionForm } from './input.js';

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
