import { handoverItemModel, offboardingModel } from '../../src/features/offboarding/model.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import type { StandinMessage, StandinView } from './slack-standin.js';

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
}
interface Block {
  type: string;
  block_id?: string;
  elements?: Element[];
  accessory?: Element;
}

/** The button `actionId` (with `value`, if given) in a message or view, and its block. */
export function buttonIn(blocks: unknown[] | undefined, actionId: string, value?: string) {
  for (const b of (blocks ?? []) as Block[]) {
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) {
      if (e.action_id === actionId && (value === undefined || e.value === value))
        return { block: b, element: e };
    }
  }
  return undefined;
}

/** The newest DM to `userId` holding the button `actionId` (waits for it). */
export function dmWithButton(
  h: Harness,
  userId: string,
  actionId: string,
  value?: string,
): Promise<StandinMessage> {
  return eventually(() => {
    const found = [...h.standin.messagesTo(userId)]
      .reverse()
      .find((m) => buttonIn(m.blocks, actionId, value));
    if (!found) throw new Error(`no DM to ${userId} with a ${actionId} button yet`);
    return found;
  });
}

/** Clicks the button `actionId` in a DM (the newest that has it), as `userId`. */
export async function clickInDm(
  h: Harness,
  dm: StandinMessage,
  userId: string,
  actionId: string,
  value?: string,
) {
  const found = buttonIn(dm.blocks, actionId, value);
  if (!found) throw new Error(`no ${actionId} button in that DM`);
  const res = await h.slack.sendBlockAction({
    userId,
    actions: [
      { action_id: actionId, block_id: found.block.block_id ?? 'b', value: found.element.value ?? '' },
    ],
    message: { ts: dm.ts, channel: dm.channel },
    channelId: dm.channel,
  });
  return { ...res, triggerId: res.triggerId ?? '' };
}

/** A forged click: `userId` sends `actionId` with `value` as if from their own DM with the app. */
export function forgedClick(h: Harness, userId: string, actionId: string, value: string) {
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: actionId, block_id: 'forged', value }],
    message: { ts: '1700000000.000100', channel: `D${userId}` },
    channelId: `D${userId}`,
  });
}

/** The modal opened with `triggerId` (waits for the views.open). */
export function modalOpenedWith(h: Harness, triggerId: string): Promise<StandinView> {
  return eventually(() => {
    const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === triggerId && c.ok);
    if (!call) throw new Error(`no views.open with trigger ${triggerId} yet`);
    const raw = call.args.view;
    const callbackId = (typeof raw === 'string' ? JSON.parse(raw) : raw)?.callback_id as string | undefined;
    const view = [...h.standin.openModals()].reverse().find((v) => v.view.callback_id === callbackId);
    if (!view) throw new Error('the opened modal is not in the stand-in');
    return view;
  });
}

/** Whether anything was opened with `triggerId` (for "refused" checks, after the answer came). */
export function openedWith(h: Harness, triggerId: string): boolean {
  return h.standin.callsTo('views.open').some((c) => c.args.trigger_id === triggerId && c.ok);
}

/** Submits a modal the stand-in holds, with these values. */
export function submit(
  h: Harness,
  view: StandinView,
  userId: string,
  values: Record<string, Record<string, unknown>>,
) {
  return h.slack.sendViewSubmission({
    userId,
    view: {
      id: view.id,
      callback_id: String(view.view.callback_id),
      private_metadata: String(view.view.private_metadata ?? ''),
      state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { [k]: v }])) },
    },
  });
}

export const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
export const radio = (value: string) => ({ type: 'radio_buttons', selected_option: { value } });
export const text = (value: string) => ({ type: 'plain_text_input', value });
export const checked = (...values: string[]) => ({
  type: 'checkboxes',
  selected_options: values.map((value) => ({ value })),
});

/** The feedback modal's values. */
export function feedbackValues() {
  return {
    overall: select('5'),
    onboarding: select('4'),
    communication: select('4'),
    recognition: select('3'),
    improve: text('Un accès au staging dès le premier jour'),
    again: radio('yes'),
    recommend: select('9'),
  };
}

/** The evaluation modal's values. */
export function evaluationValues(over: Record<string, Record<string, unknown>> = {}) {
  return {
    rating: select('5'),
    skills: checked('react'),
    more_skills: text('Accessibility, mentoring'),
    recommendation: text('Alice shipped the new checkout on time and raised the bar on tests.'),
    share: checked('share'),
    private_note: text('Prefers async reviews; excellent with juniors.'),
    rehire: radio('yes'),
    renewed: radio('yes'),
    ...over,
  };
}

/** The stored offboarding and items of a mission. */
export async function storedOffboarding(h: Harness, missionId: string) {
  const [off, items] = await Promise.all([
    offboardingModel(h.db).findOne({ missionId }).lean().exec(),
    handoverItemModel(h.db).find({ missionId }).sort({ index: 1 }).lean().exec(),
  ]);
  return { off, items };
}
