import { Schema, type Types } from 'mongoose';
import { defineModel } from '../../db/model.js';
import { type MessageRef, messageRefSchema } from '../../db/schemas.js';
import { addRollupFields } from '../../rollups.js';

export const eventStatuses = ['open', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** A community event and its invite message. */
export interface CommunityEvent {
  _id: Types.ObjectId;
  /** The view id of the submission that created it: a form Slack sends twice creates one event. */
  creationKey: string;
  createdBy: string;
  status: EventStatus;
  title: string;
  description: string;
  startsAt: Date;
  /** IANA zone the animator chose (the fallback text of dates; each reader sees their own time). */
  timezone: string;
  durationMinutes: number;
  place: string;
  /** null: no limit. */
  capacity: number | null;
  channelId: string;
  deadline: Date | null;
  message: MessageRef | null;
  /**
   * Who holds a seat (capacity only), changed only with `seatCount` in one conditional update, so
   * two clicks at once never take the same last seat. Bounded by the capacity (≤ 500).
   */
  seats: string[];
  seatCount: number;
  /** Bumped after every stored answer or change; the message shows `renderedVersion`. */
  version: number;
  renderedVersion: number;
  /** Whether the message is behind the stored answers (a bool, so the catch-up pass filters by equality). */
  dirty: boolean;
  /** Nobody updates the message before then: at most one chat.update per event per interval, across instances. */
  nextRenderAt: Date;
  /** Bumped by each edit that changes the time or the place (the key of its notice). */
  editVersion: number;
  /**
   * The copies sent by DM (`live_messages`, subject `community:<id>`) are not rewritten for new
   * counts before then (paced: each rewrite of n copies waits n render intervals); an edit or a
   * cancellation resets it, so they go at once.
   */
  copiesDueAt: Date;
  /** Copies left behind new counts by the pacing (a bool, so the catch-up pass filters by equality). */
  copiesBehind: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const eventSchema = new Schema<CommunityEvent>(
  {
    creationKey: { type: String, required: true },
    createdBy: { type: String, required: true },
    status: { type: String, enum: eventStatuses, default: 'open' },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    startsAt: { type: Date, required: true },
    timezone: { type: String, required: true },
    durationMinutes: { type: Number, required: true },
    place: { type: String, default: '' },
    capacity: { type: Number, default: null },
    channelId: { type: String, required: true },
    deadline: { type: Date, default: null },
    message: { type: messageRefSchema, default: null },
    seats: { type: [String], default: [] },
    seatCount: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    renderedVersion: { type: Number, default: 0 },
    dirty: { type: Boolean, default: false },
    nextRenderAt: { type: Date, default: () => new Date(0) },
    editVersion: { type: Number, default: 0 },
    copiesDueAt: { type: Date, default: () => new Date(0) },
    copiesBehind: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'community_events' },
);
eventSchema.index({ creationKey: 1 }, { unique: true });
eventSchema.index({ status: 1 });
eventSchema.index({ dirty: 1 });
eventSchema.index({ copiesBehind: 1 });
eventSchema.index({ createdBy: 1, status: 1 });
// Counted in the analytics figures (src/rollups.ts).
addRollupFields(eventSchema as Schema);
export const eventModel = defineModel('CommunityEvent', eventSchema);

export const answerStatuses = ['going', 'maybe', 'no'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

/** One person's answer to one event (unique per event and person), changed at will. */
export interface EventAnswer {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  userId: string;
  status: AnswerStatus;
  /** Place in line for a seat: when "going" was said (then a unique tie-break); kept while going. */
  queueKey: string;
  answeredAt: Date;
  /**
   * When the click was made (Slack's `action_ts`, seconds): a click is stored only if it is newer
   * than the stored one, so the last click wins even when two are processed out of order.
   */
  clickedAt: number;
  /** Whether the person was told they are on the waitlist (only those are DM'd when promoted). */
  toldWaitlisted: boolean;
}

const answerSchema = new Schema<EventAnswer>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    status: { type: String, enum: answerStatuses, required: true },
    queueKey: { type: String, default: '' },
    answeredAt: { type: Date, required: true },
    clickedAt: { type: Number, default: 0 },
    toldWaitlisted: { type: Boolean, default: false },
  },
  { collection: 'community_answers', versionKey: false },
);
answerSchema.index({ eventId: 1, userId: 1 }, { unique: true });
answerSchema.index({ eventId: 1, status: 1 });
answerSchema.index({ userId: 1, status: 1 });
export const answerModel = defineModel('CommunityAnswer', answerSchema);

/** What the invite shows. */
export interface EventCounts {
  going: number;
  waitlist: number;
  maybe: number;
  no: number;
}
