/**
 * The demo's recurring gestures, each played as the person would in Slack (buttons of the messages
 * they got, the modals those open): answering a check-in, ticking onboarding items, the two sides of
 * an offboarding, answering an event invite.
 */
import { OPEN_CHECKIN } from '../src/features/checkins/answers/ids.js';
import { RSVP_ACTION } from '../src/features/community/ids.js';
import { CONFIRM_ITEM, OPEN_EVALUATION, OPEN_FEEDBACK, WAIVE_ITEM } from '../src/features/offboarding/ids.js';
import { TOGGLE_ITEM } from '../src/features/onboarding/ids.js';
import type { FormAnswers, Player } from './player.js';
import type { Sandbox } from './sandbox.js';
import { channels } from './workspace.js';

/** The check-in DMs the freelancer got so far. */
export const checkinsOf = (p: Player) =>
  p.dm().filter((m) => JSON.stringify(m.blocks ?? []).includes(OPEN_CHECKIN));

/** Opens the freelancer's latest check-in from its DM and answers it. */
export async function answerLatestCheckin(p: Player, answers: FormAnswers): Promise<void> {
  await p.clickForm(await p.button(OPEN_CHECKIN), answers);
}

/**
 * Ticks the first `count` items still open for the person in their checklist message of the
 * mission `title` (once it has come; the overdue reminders carry the same button, later).
 */
export async function tickItems(p: Player, title: string, count: number): Promise<void> {
  const query = { primary: true, text: title, oldest: true };
  await p.button(TOGGLE_ITEM, query);
  for (let i = 0; i < count; i++) {
    const found = p.findButton(TOGGLE_ITEM, query);
    if (!found) return;
    await p.andRedrawn(found, () => p.click(found));
  }
}

/** How many of the freelancer's check-ins were missed. */
export const missedCount = (s: Sandbox, userId: string) =>
  s.db.collection('checkins').countDocuments({ freelancerId: userId, status: 'missed' });

/**
 * Confirms the person's next open handover item of `title` from their checklist DM (the first
 * "confirm" in it); `links` fills in the deliverables modal that item opens. Waits for the redraw.
 */
export async function confirmNextItem(p: Player, title: string, links?: string): Promise<void> {
  const found = await p.button(CONFIRM_ITEM, { text: title });
  await p.andRedrawn(found, () => (links ? p.clickForm(found, { links }) : p.click(found)));
}

/** The manager waives the first open item of their checklist of `title`, with a reason. */
export async function waiveNextItem(manager: Player, title: string, reason: string): Promise<void> {
  const found = await manager.button(WAIVE_ITEM, { text: title });
  await manager.andRedrawn(found, () => manager.clickForm(found, { reason }));
}

/** The freelancer's feedback, from the button of their offboarding checklist. */
export async function giveFeedback(p: Player, title: string, answers: FormAnswers): Promise<void> {
  await p.clickForm(await p.button(OPEN_FEEDBACK, { text: title }), answers);
}

/** The manager's evaluation, from the button of their offboarding checklist. */
export async function giveEvaluation(manager: Player, title: string, answers: FormAnswers): Promise<void> {
  await manager.clickForm(await manager.button(OPEN_EVALUATION, { text: title }), answers);
}

/** Answers the invite of `title` in the community channel (going, maybe or can't), and reads the app's "noted". */
export async function rsvp(p: Player, title: string, answer: keyof typeof RSVP_ACTION): Promise<void> {
  const found = await p.button(RSVP_ACTION[answer], { text: title, in: channels.community.id });
  await p.andAnswered(() => p.click(found));
}
