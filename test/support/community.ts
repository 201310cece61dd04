import { Types } from 'mongoose';
import { answerModel, type CommunityEvent, eventModel } from '../../src/features/community/model.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import { newChannel } from './people.js';
import type { StandinMessage } from './slack-standin-types.js';

/** The community animator of every test app (`ANIMATOR_USER_IDS` in testConfig). */
export const ANIMATOR_ID = 'UANIM001';

/** Puts the animator (English, Paris) in the stand-in's directory. */
export function addAnimator(h: Harness, tz = 'Europe/Paris'): string {
  h.standin.addUser({ id: ANIMATOR_ID, name: 'anna', locale: 'en-US', tz });
  return ANIMATOR_ID;
}

/** What an animator types in the event form; `undefined` leaves a field empty. */
export interface EventFormInput {
  title?: string;
  description?: string;
  date?: string;
  time?: string;
  timezone?: string;
  duration?: string;
  place?: string;
  capacity?: string;
  channel?: string;
  deadlineDate?: string;
  deadlineTime?: string;
}

/** The modal state Slack would send for these values. */
export function eventFormState(v: EventFormInput) {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  return {
    community_title: { community_title: text(v.title) },
    community_description: { community_description: text(v.description) },
    community_date: { community_date: { type: 'datepicker', selected_date: v.date ?? null } },
    community_time: { community_time: { type: 'timepicker', selected_time: v.time ?? null } },
    community_timezone: { community_timezone: text(v.timezone) },
    community_duration: { community_duration: { type: 'number_input', value: v.duration ?? null } },
    community_place: { community_place: text(v.place) },
    community_capacity: { community_capacity: { type: 'number_input', value: v.capacity ?? null } },
    community_channel: {
      community_channel: { type: 'conversations_select', selected_conversation: v.channel ?? null },
    },
    community_deadline_date: {
      community_deadline_date: { type: 'datepicker', selected_date: v.deadlineDate ?? null },
    },
    community_deadline_time: {
      community_deadline_time: { type: 'timepicker', selected_time: v.deadlineTime ?? null },
    },
  };
}

/** The open modal of `callbackId` that `userId` has, once it is there. */
export function openedModal(h: Harness, userId: string, callbackId: string) {
  return eventually(() => {
    const modal = h.standin.openModals(userId).find((v) => v.view.callback_id === callbackId);
    if (!modal) throw new Error(`no ${callbackId} modal opened for ${userId}`);
    return modal;
  });
}

/** `/event-invite` as the animator, then the modal it opened. */
export async function openEventForm(h: Harness, userId = ANIMATOR_ID) {
  const res = await h.slack.sendCommand({ command: '/event-invite', text: '', userId });
  if (res.status !== 200) throw new Error(`/event-invite answered ${res.status}`);
  return openedModal(h, userId, 'community.event');
}

/** Submits the open event modal with these values; resolves with the ack's JSON (or undefined). */
export async function submitEventForm(h: Harness, viewId: string, v: EventFormInput, userId = ANIMATOR_ID) {
  const modal = h.standin.view(viewId);
  const res = await h.slack.sendViewSubmission({
    userId,
    view: {
      id: viewId,
      callback_id: 'community.event',
      private_metadata: String(modal?.view.private_metadata ?? ''),
      state: { values: eventFormState(v) },
    },
  });
  return res.body === ''
    ? undefined
    : (res.json() as { response_action?: string; errors?: Record<string, string> });
}

/** A posted event: its stored document and its invite message in the channel. */
export interface PostedEvent {
  event: CommunityEvent;
  channel: string;
  ts: string;
}

/** Creates an event through the command and the modal (two days ahead by default) and waits for the invite. */
export async function postEvent(h: Harness, v: EventFormInput = {}): Promise<PostedEvent> {
  const channel = v.channel ?? newChannel(h, 'COMMU', { isMember: true });
  const modal = await openEventForm(h);
  const title = v.title ?? `Apéro ${new Types.ObjectId().toHexString().slice(-6)}`;
  const ack = await submitEventForm(h, modal.id, {
    title,
    description: 'Drinks and talks',
    date: '2026-03-12',
    time: '18:30',
    timezone: 'Europe/Paris',
    duration: '90',
    place: 'https://meet.example.com/apero',
    ...v,
    channel,
  });
  if (ack?.response_action === 'errors') throw new Error(`form refused: ${JSON.stringify(ack.errors)}`);
  return eventually(async () => {
    const event = await eventModel(h.db).findOne({ title }).lean<CommunityEvent>();
    if (!event?.message) throw new Error('event not posted yet');
    return { event, channel: event.message.channel, ts: event.message.ts };
  });
}

/** The invite message as it stands now in the stand-in. */
export function inviteOf(h: Harness, posted: Pick<PostedEvent, 'channel' | 'ts'>): StandinMessage {
  const m = h.standin.message(posted.channel, posted.ts);
  if (!m) throw new Error('invite message not found');
  return m;
}

/** Clicks an RSVP button of a message (the channel invite or a DM copy). */
export function rsvp(
  h: Harness,
  where: { channel: string; ts: string },
  eventId: Types.ObjectId | string,
  userId: string,
  answer: 'going' | 'maybe' | 'no',
) {
  return h.slack.sendBlockAction({
    userId,
    channelId: where.channel,
    message: { ts: where.ts, channel: where.channel },
    actions: [
      {
        action_id: `community.rsvp.${answer}`,
        block_id: `community.rsvp.${eventId.toString()}`,
        type: 'button',
        value: eventId.toString(),
      },
    ],
  });
}

/** Picks an option of the animator's overflow menu on a message. */
export function menu(
  h: Harness,
  where: { channel: string; ts: string },
  eventId: Types.ObjectId | string,
  userId: string,
  command: 'list' | 'edit' | 'invite' | 'cancel',
) {
  return h.slack.sendBlockAction({
    userId,
    channelId: where.channel,
    message: { ts: where.ts, channel: where.channel },
    actions: [
      {
        action_id: 'community.menu',
        block_id: `community.rsvp.${eventId.toString()}`,
        type: 'overflow',
        selected_option: {
          value: `${command}:${eventId.toString()}`,
          text: { type: 'plain_text', text: command },
        },
      },
    ],
  });
}

/** The stored answers of an event. */
export function storedAnswers(h: Harness, eventId: Types.ObjectId) {
  return answerModel(h.db).find({ eventId }).lean();
}

/** The stored event, now. */
export async function storedEvent(h: Harness, eventId: Types.ObjectId): Promise<CommunityEvent> {
  const e = await eventModel(h.db).findById(eventId).lean<CommunityEvent>();
  if (!e) throw new Error('event gone');
  return e;
}

/** Everything a message says (blocks and fallback text), for `toContain` checks. */
export function textOf(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

/** The ephemerals a person got, as text. */
export function ephemeralTexts(h: Harness, userId: string): string[] {
  return h.standin.ephemeralsTo(userId).map((e) => e.text ?? '');
}

/** The DMs a person got from the app, as text (blocks included). */
export function dmTexts(h: Harness, userId: string): string[] {
  return h.standin.messagesTo(userId).map((m) => textOf(m));
}
