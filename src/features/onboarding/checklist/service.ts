import type { Locale } from '../../../config.js';
import type { MessageRef } from '../../../db/schemas.js';
import type { PostedRef } from '../../../slack/gateway.js';
import { findMission, type Mission, setChecklistMessages } from '../../missions/index.js';
import { planDigest } from '../../reminders/index.js';
import { DEFAULT_TEMPLATE_KEY } from '../defaults.js';
import type { OnboardingDeps } from '../deps.js';
import { rememberOnboardingMessage } from '../messages/service.js';
import type { ItemOwner, OnboardingItem, OnboardingTemplate, TemplateChoice } from '../model.js';
import {
  findTemplate,
  insertItems,
  itemsOfMission,
  listTemplateDocs,
  type NewItem,
  seedDefaultTemplate,
} from '../repository.js';
import { dueAtOf, reminderAtOf, sideUserId } from '../rules.js';
import { type ChecklistReader, checklistMessage } from './views.js';

const sides: readonly ItemOwner[] = ['freelancer', 'manager'];

/** The templates a manager can pick, named in `locale`; stores the default one on first use. */
export async function listTemplates(deps: OnboardingDeps, locale: Locale): Promise<TemplateChoice[]> {
  await seedDefaultTemplate(deps.db);
  const docs = await listTemplateDocs(deps.db);
  return docs.map((d) => ({ key: d.key, name: d.name[locale] }));
}

/**
 * Creates the mission's checklist from its template, posts it to both sides and plans each owner's
 * reminder digest for the days their dated items fall overdue. Safe to call again: existing items
 * are kept (unique index), a side whose message ref is stored gets nothing new, and a digest is one
 * job per person and day. Missions call it once per
 * creation key, so two concurrent calls for one mission do not happen.
 */
export async function startOnboarding(deps: OnboardingDeps, mission: Mission): Promise<void> {
  const template = await templateFor(deps, mission.templateKey);
  const zones = await ownerZones(deps, mission);
  await insertItems(deps.db, newItems(mission, template, zones));
  const items = await itemsOfMission(deps.db, mission._id);
  await planReminders(deps, items, zones);

  // Read again: the caller's copy may predate a previous call's stored refs.
  const current = (await findMission(deps.db, mission._id.toString())) ?? mission;
  const missing = sides.filter((side) => refOf(current, side) === null);
  if (missing.length === 0) return;
  const posted = await Promise.allSettled(
    missing.map(async (side) => {
      const message = checklistMessage(items, current, await checklistReaderOf(deps, current, side));
      const to = sideUserId(current, side);
      const ref = await deps.gateway.sendDm(to, message);
      await rememberOnboardingMessage(deps, mission._id.toString(), 'checklist', to, side, ref, message);
      return { side, ref };
    }),
  );
  const refs: { freelancer?: MessageRef; manager?: MessageRef } = {};
  for (const p of posted) if (p.status === 'fulfilled') refs[p.value.side] = p.value.ref;
  // Store what was posted before reporting a failure: a retry then posts only the missing side.
  if (Object.keys(refs).length > 0) await setChecklistMessages(deps.db, mission._id, refs);
  const failed = posted.find((p) => p.status === 'rejected');
  if (failed) throw failed.reason;
  await deps.events.emit('mission.changed', {
    missionId: mission._id.toString(),
    userIds: [mission.freelancerId, mission.managerId],
  });
}

function refOf(mission: Mission, side: ItemOwner): PostedRef | null {
  const ref = side === 'freelancer' ? mission.freelancerChecklistMessage : mission.managerChecklistMessage;
  return ref?.channel && ref.ts ? ref : null;
}

async function templateFor(deps: OnboardingDeps, key: string): Promise<OnboardingTemplate> {
  const found = await findTemplate(deps.db, key);
  if (found) return found;
  // The mission already exists and its welcome is sent: a deleted template must not block onboarding.
  if (key !== DEFAULT_TEMPLATE_KEY)
    deps.logger.warn('onboarding template not found, using the default', { key });
  await seedDefaultTemplate(deps.db);
  const fallback = await findTemplate(deps.db, DEFAULT_TEMPLATE_KEY);
  if (!fallback) throw new Error('the default onboarding template could not be stored');
  return fallback;
}

/** Each side's zone (Slack profile, else the mission's for the freelancer, the workspace's for the manager). */
async function ownerZones(deps: OnboardingDeps, mission: Mission): Promise<Record<ItemOwner, string>> {
  const [freelancer, manager] = await Promise.all([
    zoneOf(deps, mission.freelancerId, mission.checkin.timezone),
    zoneOf(deps, mission.managerId, deps.config.defaultTimezone),
  ]);
  return { freelancer, manager };
}

function newItems(
  mission: Mission,
  template: OnboardingTemplate,
  zones: Record<ItemOwner, string>,
): NewItem[] {
  const zone = mission.checkin.timezone;
  return template.items.map((t, index) => {
    const dueAt = t.dueOffsetDays === null ? null : dueAtOf(mission.startDate, t.dueOffsetDays, zone);
    return {
      missionId: mission._id,
      index,
      label: t.label,
      owner: t.owner,
      ownerId: sideUserId(mission, t.owner),
      dueAt,
      remindAt: dueAt ? reminderAtOf(dueAt, zone, zones[t.owner]) : null,
    };
  });
}

/** One digest per owner and day an open item falls overdue (items of one day share it). */
async function planReminders(
  deps: OnboardingDeps,
  items: readonly OnboardingItem[],
  zones: Record<ItemOwner, string>,
): Promise<void> {
  const now = deps.clock.now();
  const planned = new Set<string>();
  for (const item of items) {
    if (!item.remindAt || item.done || item.remindedIn !== null) continue;
    const once = `${item.ownerId} ${item.remindAt.toISOString()}`;
    if (planned.has(once)) continue;
    planned.add(once);
    await planDigest(deps, item.ownerId, item.remindAt, zones[item.owner], now);
  }
}

/**
 * A user's time zone: their Slack profile's, else `fallback`. Lookups are cached by the directory,
 * so asking for the locale and then the zone costs one users.info at most.
 */
export async function zoneOf(deps: OnboardingDeps, userId: string, fallback: string): Promise<string> {
  try {
    return (await deps.users.get(userId)).tz ?? fallback;
  } catch {
    return fallback;
  }
}

/** How one side of the mission reads its checklist: language and zone of that person. */
export async function checklistReaderOf(
  deps: OnboardingDeps,
  mission: Mission,
  side: ItemOwner,
): Promise<ChecklistReader> {
  const userId = sideUserId(mission, side);
  // The mission's check-in zone is the freelancer's (read from Slack at creation, or the assumed default).
  const fallbackZone = side === 'freelancer' ? mission.checkin.timezone : deps.config.defaultTimezone;
  const [locale, zone] = await Promise.all([
    deps.users.localeOf(userId, deps.config.defaultLocale),
    zoneOf(deps, userId, fallbackZone),
  ]);
  return { side, locale, zone };
}
