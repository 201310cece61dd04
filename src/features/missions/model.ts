import { Schema, type Types } from 'mongoose';
import type { Locale } from '../../config.js';
import { defineModel } from '../../db/model.js';
import { type MessageRef, messageRefSchema as messageRef } from '../../db/schemas.js';
import type { HandoverItem } from '../../events.js';
import { addRollupFields } from '../../rollups.js';
import { type MissionStatus, missionStatuses } from './rules.js';

/** One line of a mission's history: who did what, when. */
export interface HistoryEntry {
  at: Date;
  by: string;
  action: string;
  from?: MissionStatus;
  to?: MissionStatus;
  details?: string;
}

export interface CheckinSlot {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local time `HH:mm`. */
  time: string;
  /** IANA zone of the freelancer. */
  timezone: string;
  /** True when the zone could not be read from Slack and the workspace default was assumed. */
  timezoneAssumed: boolean;
  /** ISO country whose holidays and working week apply; null: from the zone, then the workspace's. */
  country: string | null;
  /** ISO weekdays the freelancer works (part-time); empty: the country's working week. */
  workingDays: number[];
  /** Check-ins paused until this calendar date (inclusive), or null. */
  pausedUntil: string | null;
}

/** A stored mission (plain object, as repositories return it). */
export interface Mission {
  _id: Types.ObjectId;
  creationKey: string;
  title: string;
  brief: string;
  objectives: string;
  freelancerId: string;
  managerId: string;
  buddyId: string | null;
  channelId: string | null;
  skills: string[];
  /** Calendar dates `yyyy-MM-dd`. */
  startDate: string;
  endDate: string;
  needExpressedOn: string | null;
  /** A renewal links the two missions both ways: the one this follows, the one that follows it. */
  previousMissionId: string | null;
  nextMissionId: string | null;
  templateKey: string;
  /** The freelancer's language when the mission started (scheduled messages go out without asking Slack). */
  freelancerLocale: Locale | null;
  checkin: CheckinSlot;
  status: MissionStatus;
  history: HistoryEntry[];
  onboardingCompletedAt: Date | null;
  onboardingDurationDays: number | null;
  freelancerChecklistMessage: MessageRef | null;
  managerChecklistMessage: MessageRef | null;
  /** The handover card, stored when the mission closes after its offboarding (empty before). */
  handover: HandoverItem[];
  createdAt: Date;
  updatedAt: Date;
}

const missionSchema = new Schema<Mission>(
  {
    creationKey: { type: String, required: true },
    title: { type: String, required: true },
    brief: { type: String, default: '' },
    objectives: { type: String, default: '' },
    freelancerId: { type: String, required: true },
    managerId: { type: String, required: true },
    buddyId: { type: String, default: null },
    channelId: { type: String, default: null },
    skills: { type: [String], default: [] },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    needExpressedOn: { type: String, default: null },
    previousMissionId: { type: String, default: null },
    nextMissionId: { type: String, default: null },
    templateKey: { type: String, required: true },
    freelancerLocale: { type: String, default: null },
    checkin: {
      weekday: { type: Number, required: true },
      time: { type: String, required: true },
      timezone: { type: String, required: true },
      timezoneAssumed: { type: Boolean, default: false },
      country: { type: String, default: null },
      workingDays: { type: [Number], default: [] },
      pausedUntil: { type: String, default: null },
    },
    status: { type: String, enum: missionStatuses, required: true },
    history: {
      type: [
        new Schema<HistoryEntry>(
          { at: Date, by: String, action: String, from: String, to: String, details: String },
          { _id: false },
        ),
      ],
      default: [],
    },
    onboardingCompletedAt: { type: Date, default: null },
    onboardingDurationDays: { type: Number, default: null },
    freelancerChecklistMessage: { type: messageRef, default: null },
    managerChecklistMessage: { type: messageRef, default: null },
    handover: {
      type: [
        new Schema<HandoverItem>(
          {
            label: String,
            owner: String,
            state: String,
            by: String,
            at: Date,
            reason: String,
            links: { type: [String], default: [] },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true, collection: 'missions' },
);
// The view id of the submission: a Slack retry or a double click creates one mission.
missionSchema.index({ creationKey: 1 }, { unique: true });
// /missions, the manager's Home: equality on the manager, then status.
missionSchema.index({ managerId: 1, status: 1 });
// The freelancer's Home and /checkin.
missionSchema.index({ freelancerId: 1, status: 1 });
// Jobs that walk open missions.
missionSchema.index({ status: 1 });
// Counted in the analytics figures (src/rollups.ts).
addRollupFields(missionSchema as Schema);

/** The missions model bound to one connection. */
export const missionModel = defineModel('Mission', missionSchema);
