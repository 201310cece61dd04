import type { Mission } from '../../src/features/missions/model.js';
import { findMission } from '../../src/features/missions/repository.js';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { startOnboarding } from '../../src/features/onboarding/index.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import { createMission } from './missions.js';
import { newPerson } from './people.js';
import type { StandinMessage } from './slack-standin.js';

/** The parts of a checklist block the tests look at. */
export interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: string; action_id?: string; value?: string }[];
  accessory?: { action_id: string; value: string };
}

/** A message's blocks. */
export function blocksOf(m: StandinMessage | undefined): Block[] {
  return (m?.blocks ?? []) as Block[];
}

/** A message's block texts, one line per block. */
export function textOf(m: StandinMessage | undefined): string {
  return blocksOf(m)
    .map((b) => b.text?.text ?? b.elements?.map((e) => e.text ?? '').join(' ') ?? '')
    .join('\n');
}

/** The mission as stored now. */
export async function reload(h: Harness, m: Mission): Promise<Mission> {
  const found = await findMission(h.db, m._id.toString());
  if (!found) throw new Error('mission vanished');
  return found;
}

/** A mission's checklist items, in order. */
export async function storedItems(h: Harness, m: Mission) {
  return itemModel(h.db).find({ missionId: m._id }).sort({ index: 1 }).lean().exec();
}

/** Clicks the button of item `itemId` in a checklist message, as `userId`, from that message. */
export async function click(
  h: Harness,
  ref: { channel: string; ts: string },
  itemId: string,
  userId: string,
) {
  const block = blocksOf(h.standin.message(ref.channel, ref.ts)).find((b) => b.block_id?.endsWith(itemId));
  if (!block) throw new Error(`no row for item ${itemId}`);
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: TOGGLE_ITEM, block_id: block.block_id ?? '', value: itemId }],
    message: { ts: ref.ts, channel: ref.channel },
    channelId: ref.channel,
  });
}

/** The DMs a user got whose text contains `needle`. */
export function dmsWith(h: Harness, userId: string, needle: string): StandinMessage[] {
  return h.standin.messagesTo(userId).filter((m) => (m.text ?? '').includes(needle));
}

/** Waits until the item is ticked in the database. */
export function ticked(h: Harness, itemId: unknown): Promise<void> {
  return eventually(async () => {
    const item = await itemModel(h.db).findById(itemId).lean().exec();
    if (!item) throw new Error(`item ${String(itemId)} not found`);
    if (item.doneAt == null) throw new Error(`item ${String(itemId)} "${item.label.en}" is not ticked yet`);
  });
}

/** A started onboarding: its people, the mission (with both checklist messages) and their refs. */
export interface StartedOnboarding {
  freelancer: string;
  manager: string;
  mission: Mission;
  fRef: { channel: string; ts: string };
  mRef: { channel: string; ts: string };
}

/**
 * A new French freelancer (Paris) and English manager (New York) with a mission starting on
 * `startDate` whose onboarding has started: both checklists are posted.
 */
export async function startedOnboarding(
  h: Harness,
  opts: { title: string; startDate: string; freelancer?: string; manager?: string },
): Promise<StartedOnboarding> {
  const freelancer =
    opts.freelancer ?? newPerson(h, 'FREEL', { name: 'francoise', locale: 'fr-FR', tz: 'Europe/Paris' });
  const manager =
    opts.manager ?? newPerson(h, 'MGR', { name: 'emma', locale: 'en-US', tz: 'America/New_York' });
  const created = await createMission(h.db, {
    title: opts.title,
    freelancerId: freelancer,
    managerId: manager,
    startDate: opts.startDate,
    endDate: '2026-09-30',
  });
  await startOnboarding(h.deps, created);
  const mission = await reload(h, created);
  const fRef = mission.freelancerChecklistMessage;
  const mRef = mission.managerChecklistMessage;
  if (!fRef || !mRef) throw new Error('checklist refs not stored');
  return { freelancer, manager, mission, fRef, mRef };
}
