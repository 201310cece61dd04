import { Schema, type Types } from 'mongoose';
import type { Locale } from '../../config.js';
import { defineModel } from '../../db/model.js';
import { addRollupFields } from '../../rollups.js';

/**
 * scheduled → sending (claimed by one runner) → sent → answered; or missed (unanswered, due more
 * than 12 h ago after downtime, or undeliverable: the person cannot get DMs), or skipped (check-ins
 * paused that week). `outcome` says which.
 */
export const checkinStatuses = ['scheduled', 'sending', 'sent', 'answered', 'missed', 'skipped'] as const;
export type CheckinStatus = (typeof checkinStatuses)[number];

/** Who may read an answer: the manager (and HR), or HR only in aggregates. */
export const visibilities = ['manager', 'hr'] as const;
export type Visibility = (typeof visibilities)[number];

/** A freelancer's answer. `extra` holds the answers to a workspace's custom questions. */
export interface CheckinAnswer {
  score: number;
  progress: string;
  blockers: string;
  needsHelp: boolean;
  note: string;
  visibility: Visibility;
  extra: Record<string, string>;
}

/** One mission's check-in of one local week. */
export interface Checkin {
  _id: Types.ObjectId;
  missionId: Types.ObjectId;
  /** ISO week of the slot in the freelancer's zone (`2025-W14`): one check-in per mission and week. */
  week: string;
  dueAt: Date;
  /** Denormalised at planning so that delivery reads no mission (10,000 in a minute). */
  freelancerId: string;
  managerId: string;
  title: string;
  locale: Locale;
  zone: string;
  /** The freelancer's calendar, for the reminder's sending hours. */
  country: string;
  workingDays: number[];
  /** Delivery lane within the due minute (see delivery/repository.ts `LANES`). */
  lane: number;
  status: CheckinStatus;
  claimOwner: string | null;
  claimExpiresAt: Date | null;
  sentAt: Date | null;
  /** When the reminder goes (sending hours applied), or null once handled. */
  reminderAt: Date | null;
  reminderSentAt: Date | null;
  /** When an unanswered check-in counts as missed. */
  closesAt: Date | null;
  /** Answers can be edited until the next check-in. */
  editableUntil: Date | null;
  /** The edit window is over and the DM was rewritten without its *Edit my answer* button. */
  editClosed?: boolean;
  answer: CheckinAnswer | null;
  answeredAt: Date | null;
  /** Whether this answer raised an alert (low score or blocker): two weeks in a row tell the admins. */
  alert: boolean;
  outcome: 'late' | 'unanswered' | 'paused' | 'undeliverable' | null;
  createdAt: Date;
  updatedAt: Date;
}

const answerSchema = new Schema<CheckinAnswer>(
  {
    score: Number,
    progress: String,
    blockers: String,
    needsHelp: Boolean,
    note: String,
    visibility: { type: String, enum: visibilities },
    extra: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false, minimize: false },
);

const checkinSchema = new Schema<Checkin>(
  {
    missionId: { type: Schema.Types.ObjectId, required: true },
    week: { type: String, required: true },
    dueAt: { type: Date, required: true },
    freelancerId: { type: String, required: true },
    managerId: { type: String, required: true },
    title: { type: String, required: true },
    locale: { type: String, required: true },
    zone: { type: String, required: true },
    country: { type: String, required: true },
    workingDays: { type: [Number], default: [] },
    lane: { type: Number, required: true },
    status: { type: String, enum: checkinStatuses, required: true, default: 'scheduled' },
    claimOwner: { type: String, default: null },
    claimExpiresAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    reminderAt: { type: Date, default: null },
    reminderSentAt: { type: Date, default: null },
    closesAt: { type: Date, default: null },
    editableUntil: { type: Date, default: null },
    editClosed: { type: Boolean, default: false },
    answer: { type: answerSchema, default: null },
    answeredAt: { type: Date, default: null },
    alert: { type: Boolean, default: false },
    outcome: { type: String, default: null },
  },
  { timestamps: true, collection: 'checkins' },
);
// Counted in the analytics figures (src/rollups.ts).
addRollupFields(checkinSchema as Schema);
// Exactly one check-in per mission and local week, whatever restarts, retries or instances.
checkinSchema.index({ missionId: 1, week: 1 }, { unique: true });
// Delivery: scheduled check-ins by due time and lane; reminders and closing of sent ones.
checkinSchema.index({ status: 1, dueAt: 1, lane: 1 });
checkinSchema.index({ status: 1, reminderAt: 1 });
checkinSchema.index({ status: 1, closesAt: 1 });
// Claims in flight, read back by their owner.
checkinSchema.index({ claimOwner: 1, status: 1 });
// The manager's Home: the latest answers of their missions.
checkinSchema.index({ managerId: 1, status: 1, dueAt: -1 });
// /checkin and the Home: a freelancer's latest check-ins.
checkinSchema.index({ freelancerId: 1, dueAt: -1 });

/** The check-ins model bound to one connection. */
export const checkinModel = defineModel('Checkin', checkinSchema);

const checkinMessageSchema = new Schema<{ _id: Types.ObjectId; channel: string; ts: string }>(
  { _id: Schema.Types.ObjectId, channel: String, ts: String },
  { collection: 'checkin_messages', versionKey: false },
);

/** Where each sent check-in's DM is, by check-in id: written once per delivery batch (see recordDeliveries). */
export const checkinMessageModel = defineModel('CheckinMessage', checkinMessageSchema);

/** Where each check-in's reminder DM is, by check-in id: its button follows the week (answered, missed). */
export const checkinReminderMessageModel = defineModel(
  'CheckinReminderMessage',
  new Schema<{ _id: Types.ObjectId; channel: string; ts: string }>(
    { _id: Schema.Types.ObjectId, channel: String, ts: String },
    { collection: 'checkin_reminder_messages', versionKey: false },
  ),
);
