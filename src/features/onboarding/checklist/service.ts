import { Types } from 'mongoose';
import type { Locale } from '../../../config.js';
import type { Deps } from '../../../deps.js';
import { slackErrorCode } from '../../../slack/errors.js';
import type { PostedRef } from '../../../slack/gateway.js';
import type { MessageRef, Mission } from '../../missions/model.js';
import { findMission, setChecklistMessages } from '../../missions/repository.js';
import { isOpen } from '../../missions/rules.js';
import type { ChecklistItemView, ItemOwner, Progress, TemplateChoice } from '../contract.js';
import { DEFAULT_TEMPLATE_KEY } from '../defaults.js';
import { REMINDER_JOB, reminderJobKey } from '../ids.js';
import type { OnboardingItem, OnboardingTemplate } from '../model.js';
import { readerOf, sideUserId, zoneOf } from '../readers.js';
import {
  findTemplate,
  insertItems,
  itemStates,
  itemsOfMission,
  listTemplateDocs,
  type NewItem,
  openItemsOwnedBy,
  seedDefaultTemplate,
} from '../repository.js';
import { dueAtOf, reminderAtOf } from '../rules.js';
import { checklistMessage } from './views.js';

const sides: readonly ItemOwner[] = ['freelancer', 'manager'];

/** The templates a manager can pick, named in `locale`; stores the default one on first use. */
export async function listTemplates(deps: Deps, locale: Locale): Promise<TemplateChoice[]> {
  await seedDefaultTemplate(deps.db);
  const docs = await listTemplateDocs(deps.db);
  return docs.map((d) => ({ key: d.key, name: d.name[locale] }));
}

/**
 * Creates the mission's checklist from its template, posts it to both sides and queues one reminder
 * per dated item. Safe to call again: existing items are kept (unique index), a side whose message
 * ref is stored gets nothing new, and reminder jobs have unique keys. Missions call it once per
 * creation key, so two concurrent calls for one mission do not happen.
 */
export async function startOnboarding(deps: Deps, mission: Mission): Promise<void> {
  const template = await templateFor(deps, mission.templateKey);
  await insertItems(deps.db, newItems(mission, template));
  const items = await itemsOfMission(deps.db, mission._id);
  await queueReminders(deps, mission, items);

  // Read again: the caller's copy may predate a previous call's stored refs.
  const current = (await findMission(deps.db, mission._id.toString())) ?? mission;
  const missing = sides.filter((side) => refOf(current, side) === null);
  if (missing.length === 0) return;
  const posted = await Promise.allSettled(
    missing.map(async (side) => {
      const message = checklistMessage(items, current, await readerOf(deps, current, side));
      return { side, ref: await deps.gateway.sendDm(sideUserId(current, side), message) };
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

/** Done / total per mission; missions without items count 0/0. */
export async function progressOf(deps: Deps, missionIds: string[]): Promise<Map<string, Progress>> {
  const result = new Map<string, Progress>(missionIds.map((id) => [id, { done: 0, total: 0 }]));
  const ids = [...new Set(missionIds)].filter((id) => Types.ObjectId.isValid(id));
  const states = await itemStates(
    deps.db,
    ids.map((id) => new Types.ObjectId(id)),
  );
  for (const s of states) {
    const p = result.get(s.missionId.toString());
    if (!p) continue;
    p.total += 1;
    if (s.doneAt !== null) p.done += 1;
  }
  return result;
}

/** Open items owned by the user on open missions, soonest due first (undated last). */
export async function openItemsOf(deps: Deps, userId: string, locale: Locale): Promise<ChecklistItemView[]> {
  const items = await openItemsOwnedBy(deps.db, userId);
  const missionIds = [...new Set(items.map((i) => i.missionId.toString()))];
  const missions = await Promise.all(missionIds.map((id) => findMission(deps.db, id)));
  const open = new Map<string, Mission>();
  for (const m of missions) if (m && isOpen(m.status)) open.set(m._id.toString(), m);
  return items
    .flatMap((i) => {
      const m = open.get(i.missionId.toString());
      return m ? [itemView(i, m, locale)] : [];
    })
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}

/** A mission's checklist in template order, labels in `locale`; empty for an unknown mission. */
export async function itemsOf(deps: Deps, missionId: string, locale: Locale): Promise<ChecklistItemView[]> {
  const mission = await findMission(deps.db, missionId);
  if (!mission) return [];
  return (await itemsOfMission(deps.db, mission._id)).map((i) => itemView(i, mission, locale));
}

/** Rewrites both checklist messages in place, each in its reader's language; a failed edit is logged. */
export async function refreshChecklists(deps: Deps, mission: Mission): Promise<void> {
  const items = await itemsOfMission(deps.db, mission._id);
  await Promise.all(
    sides.map(async (side) => {
      const ref = refOf(mission, side);
      if (!ref) return;
      try {
        await deps.gateway.updateMessage(
          ref,
          checklistMessage(items, mission, await readerOf(deps, mission, side)),
        );
      } catch (err) {
        // A deleted DM must not undo the tick: the state is stored, the Home still shows it.
        deps.logger.warn('could not update an onboarding checklist message', {
          missionId: mission._id.toString(),
          side,
          error: slackErrorCode(err),
        });
      }
    }),
  );
}

function refOf(mission: Mission, side: ItemOwner): PostedRef | null {
  const ref = side === 'freelancer' ? mission.freelancerChecklistMessage : mission.managerChecklistMessage;
  return ref?.channel && ref.ts ? ref : null;
}

async function templateFor(deps: Deps, key: string): Promise<OnboardingTemplate> {
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

function newItems(mission: Mission, template: OnboardingTemplate): NewItem[] {
  const zone = mission.checkin.timezone;
  return template.items.map((t, index) => ({
    missionId: mission._id,
    index,
    label: t.label,
    owner: t.owner,
    ownerId: sideUserId(mission, t.owner),
    dueAt: t.dueOffsetDays === null ? null : dueAtOf(mission.startDate, t.dueOffsetDays, zone),
  }));
}

async function queueReminders(deps: Deps, mission: Mission, items: OnboardingItem[]): Promise<void> {
  const zones = new Map<string, string>();
  for (const item of items) {
    if (!item.dueAt || item.doneAt) continue;
    let zone = zones.get(item.ownerId);
    if (!zone) {
      zone = await zoneOf(deps, item.ownerId, mission.checkin.timezone);
      zones.set(item.ownerId, zone);
    }
    await deps.scheduler.runner.enqueue({
      key: reminderJobKey(item._id.toString()),
      name: REMINDER_JOB,
      runAt: reminderAtOf(item.dueAt, mission.checkin.timezone, zone),
      payload: { itemId: item._id.toString() },
    });
  }
}

/** An item as the checklist, the Home and `/missions` show it, in the reader's language. */
export function itemView(item: OnboardingItem, mission: Mission, locale: Locale): ChecklistItemView {
  return {
    id: item._id.toString(),
    missionId: mission._id.toString(),
    missionTitle: mission.title,
    label: item.label[locale],
    owner: item.owner,
    ownerId: item.ownerId,
    dueAt: item.dueAt,
    done: item.doneAt !== null,
  };
}
