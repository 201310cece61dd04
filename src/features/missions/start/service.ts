import { DateTime } from 'luxon';
import { translator } from '../../../i18n/index.js';
import { isAdmin } from '../../../roles.js';
import { isPlatformError } from '../../../slack/errors.js';
import { readerOf } from '../../../slack/reader.js';
import type { FieldErrors, ViewState } from '../../../slack/view-state.js';
import type { MissionStartDeps, TemplateOption } from '../deps.js';
import { field } from '../ids.js';
import type { Mission } from '../model.js';
import { findMission, insertMission, linkNextMission } from '../repository.js';
import { nextStatus } from '../rules.js';
import {
  freelancerBlockOf,
  type MissionForm,
  type MissionPrefill,
  type ModalMetadata,
  parseMetadata,
  prefillFromState,
} from './input.js';
import { rememberConfirmation } from './messages.js';
import { checkMissionRules } from './rules.js';
import {
  type ChannelOutcome,
  channelIntroMessage,
  confirmationMessage,
  missionModal,
  welcomeMessage,
} from './views.js';

/** Today's calendar date in the workspace's zone (`yyyy-MM-dd`). */
export function workspaceToday(deps: MissionStartDeps): string {
  return todayOf(deps, deps.config.defaultTimezone);
}

/** Today's calendar date in `zone` (the modal offers the manager's own today as the start date). */
function todayOf(deps: MissionStartDeps, zone: string): string {
  return DateTime.fromJSDate(deps.clock.now(), { zone }).toISODate() ?? '';
}

/** What the mission modal needs: the onboarding templates in the manager's language. */
export async function missionFormChoices(
  deps: MissionStartDeps,
  managerId: string,
): Promise<TemplateOption[]> {
  const locale = await deps.users.localeOf(managerId, deps.config.defaultLocale);
  return deps.onboarding.templates(locale);
}

/** Where a mission modal is opened from, and what it starts with. */
export interface MissionStartRequest {
  triggerId: string;
  /** Who will submit it (its manager). */
  userId: string;
  /** Where to answer (the channel a command was typed in). */
  channelId?: string;
  prefill?: MissionPrefill;
  /** The mission a renewal follows: the new mission is linked to it both ways. */
  follows?: string;
}

/**
 * Opens the mission modal, filled with `prefill`: `/mission-start`, a renewal, a proposal from the
 * talent pool. The trigger_id lives 3 s: only the (indexed, small) template list is read first.
 */
export async function openMissionStart(deps: MissionStartDeps, req: MissionStartRequest): Promise<void> {
  const [reader, templates] = await Promise.all([
    readerOf(deps, req.userId, 1_000),
    missionFormChoices(deps, req.userId),
  ]);
  const metadata: ModalMetadata = {
    v: 1,
    ...(req.channelId ? { channelId: req.channelId } : {}),
    ...(req.follows ? { follows: req.follows } : {}),
  };
  await deps.gateway.openModal(
    req.triggerId,
    missionModal({
      tr: translator(reader.locale),
      templates,
      metadata,
      today: todayOf(deps, reader.zone),
      ...(req.prefill ? { prefill: req.prefill } : {}),
    }),
  );
}

/** The mission modal as it is when the manager types skills or picks a suggested alumnus. */
export interface MissionModalRefresh {
  viewId: string;
  hash: string | undefined;
  userId: string;
  state: ViewState;
  privateMetadata: string | undefined;
  /** The alumnus picked as the freelancer. */
  pick?: string;
}

/**
 * Updates the open mission modal with the alumni matching the skills typed (up to three, the talent
 * pool's order), or with the alumnus picked as the freelancer. Keeps what was typed: the inputs keep
 * their block and action ids (Slack keeps their values) and are also given back as initial values;
 * only a pick changes the freelancer input's block_id, so its `initial_user` shows. A newer view
 * (hash_conflict: the manager kept typing) wins.
 */
export async function refreshMissionModal(deps: MissionStartDeps, r: MissionModalRefresh): Promise<void> {
  const prefill = prefillFromState(r.state);
  const [reader, templates, suggestions] = await Promise.all([
    readerOf(deps, r.userId, 1_000),
    missionFormChoices(deps, r.userId),
    deps.alumni && prefill.skills && prefill.skills.length > 0
      ? deps.alumni(prefill.skills, 3, [r.userId])
      : Promise.resolve([]),
  ]);
  const view = missionModal({
    tr: translator(reader.locale),
    templates,
    metadata: parseMetadata(r.privateMetadata),
    today: todayOf(deps, reader.zone),
    prefill: r.pick ? { ...prefill, freelancerId: r.pick } : prefill,
    suggestions,
    freelancerBlockId: r.pick ? `${field.freelancer}.${r.pick}` : freelancerBlockOf(r.state),
  });
  try {
    await deps.gateway.updateView(r.viewId, view, r.hash);
  } catch (err) {
    if (!isPlatformError(err, 'hash_conflict')) throw err;
  }
}

/** The mission a renewal may follow: one that `managerId` manages, or any for an admin. */
async function renewedMission(deps: MissionStartDeps, follows: string | undefined, managerId: string) {
  if (!follows) return null;
  const previous = await findMission(deps.db, follows);
  if (!previous) return null;
  return previous.managerId === managerId || isAdmin(deps.config, managerId) ? previous : null;
}

/** Checks a parsed form against Slack (is the freelancer a real, active human?) and the calendar. */
export async function validateMission(
  deps: MissionStartDeps,
  form: MissionForm,
  managerId: string,
): Promise<FieldErrors> {
  const lookup = async (id: string | undefined) =>
    id ? deps.users.get(id).catch(() => undefined) : undefined;
  const [freelancer, buddy] = await Promise.all([lookup(form.freelancerId), lookup(form.buddyId)]);
  return checkMissionRules(form, { managerId, freelancer, buddy }, workspaceToday(deps));
}

/**
 * Starts a mission: stores it (once per `creationKey`: a retried or double submission stops here),
 * then welcomes the freelancer, introduces them in the team channel, confirms to the manager and
 * starts onboarding. Returns the mission, or `duplicate`.
 */
export async function startMission(
  deps: MissionStartDeps,
  form: MissionForm,
  managerId: string,
  creationKey: string,
  follows?: string,
): Promise<Mission | 'duplicate'> {
  const now = deps.clock.now();
  const previous = await renewedMission(deps, follows, managerId);
  const freelancer = await deps.users.get(form.freelancerId);
  // No silent fallback: an unreadable zone is recorded as assumed and said to the manager.
  const timezone = freelancer.tz ?? deps.config.defaultTimezone;
  const status = nextStatus('draft', 'startOnboarding');
  const mission = await insertMission(deps.db, {
    creationKey,
    title: form.title,
    brief: form.brief,
    objectives: form.objectives,
    freelancerId: form.freelancerId,
    managerId,
    buddyId: form.buddyId ?? null,
    channelId: form.channelId ?? null,
    skills: form.skills,
    startDate: form.startDate,
    endDate: form.endDate,
    needExpressedOn: form.needExpressedOn ?? null,
    previousMissionId: previous ? String(previous._id) : null,
    templateKey: form.templateKey,
    freelancerLocale: freelancer.locale ?? null,
    checkin: {
      weekday: form.checkinWeekday,
      time: form.checkinTime,
      timezone,
      timezoneAssumed: !freelancer.tz,
      country: null,
      workingDays: [],
      pausedUntil: null,
    },
    status,
    history: [
      { at: now, by: managerId, action: 'created' },
      { at: now, by: managerId, action: 'startOnboarding', from: 'draft', to: status },
    ],
  });
  if (mission === 'duplicate') return mission;
  if (previous) {
    await linkNextMission(deps.db, previous._id, mission._id, {
      at: now,
      by: managerId,
      action: 'renewed',
      details: String(mission._id),
    });
    // The previous mission's "create the follow-up mission" button now says it is done.
    await deps.events.emit('mission.changed', {
      missionId: String(previous._id),
      userIds: [previous.freelancerId, previous.managerId],
    });
  }

  const [freelancerLocale, managerLocale] = await Promise.all([
    deps.users.localeOf(mission.freelancerId, deps.config.defaultLocale),
    deps.users.localeOf(managerId, deps.config.defaultLocale),
  ]);
  await deps.gateway.sendDm(
    mission.freelancerId,
    welcomeMessage(mission, translator(freelancerLocale), freelancerLocale, freelancer.name),
  );
  let channel: ChannelOutcome = 'none';
  if (mission.channelId) {
    const locale = deps.config.defaultLocale;
    const posted = await deps.gateway.postInChannel(
      mission.channelId,
      channelIntroMessage(mission, translator(locale), locale),
    );
    channel = posted.ok ? 'posted' : posted.reason;
  }
  const confirmation = confirmationMessage(
    mission,
    translator(managerLocale),
    managerLocale,
    channel,
    isAdmin(deps.config, managerId),
  );
  const confirmed = await deps.gateway.sendDm(managerId, confirmation);
  // Kept current: the admin menu goes once the mission is finished (messages.ts).
  await rememberConfirmation(deps, String(mission._id), managerId, channel, confirmed, confirmation);
  await deps.onboarding.start(mission);
  await deps.events.emit('mission.changed', {
    missionId: String(mission._id),
    userIds: [mission.freelancerId, mission.managerId],
    schedule: true,
  });
  return mission;
}
