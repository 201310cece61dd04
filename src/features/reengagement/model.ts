import { Schema, type Types } from 'mongoose';
import { defineModel } from '../../db/model.js';

/** One mission that ended well, and what its manager said of the nudges about it. */
export interface ReengagementPlan {
  _id: Types.ObjectId;
  missionId: string;
  managerId: string;
  freelancerId: string;
  title: string;
  skills: string[];
  closedAt: Date;
  /** "Stop": no more nudges about this mission. */
  stopped: boolean;
  /**
   * Left by the former "Snooze 30 days" (nudges waited until then); no longer set, still honoured
   * for plans snoozed before "remind me" replaced it.
   */
  snoozedUntil: Date | null;
  /** "Remind me in 2 weeks": the nudge comes back then, in place of any nudge due before it. */
  remindAt: Date | null;
  /** The last answer to a nudge and when: the nudges sent before it say it (docs/messages.md). */
  lastAnswer: { choice: NudgeChoice; at: Date } | null;
}

/** What a manager chose on a nudge. */
export type NudgeChoice = 'proposed' | 'snoozed' | 'stopped';
/** What an alumnus answered to an availability ping. */
export type PingAnswer = { kind: 'available'; from: string } | { kind: 'notNow' } | { kind: 'stop' };

const planSchema = new Schema<ReengagementPlan>(
  {
    missionId: { type: String, required: true },
    managerId: { type: String, required: true },
    freelancerId: { type: String, required: true },
    title: { type: String, required: true },
    skills: { type: [String], default: [] },
    closedAt: { type: Date, required: true },
    stopped: { type: Boolean, default: false },
    snoozedUntil: { type: Date, default: null },
    remindAt: { type: Date, default: null },
    lastAnswer: {
      type: new Schema<{ choice: NudgeChoice; at: Date }>({ choice: String, at: Date }, { _id: false }),
      default: null,
    },
  },
  { timestamps: true, collection: 'reengagement_plans' },
);
// One plan per closed mission: a replayed closing plans nothing twice; nudges read it by mission.
planSchema.index({ missionId: 1 }, { unique: true });

export const planModel = defineModel('ReengagementPlan', planSchema);

/**
 * A person Passerelle nudges (a manager about an alumnus, an alumnus about their availability):
 * when the last nudge of any kind went (the weekly spacing), and whether they asked us to stop
 * asking about their availability.
 */
export interface NudgedPerson {
  _id: Types.ObjectId;
  userId: string;
  lastNudgeAt: Date | null;
  /** The job that holds the current window: its retry after a crash may go on. */
  lastNudgeKey: string | null;
  stopAsking: boolean;
  /** The first availability ping of this alumnus (`yyyy-MM-dd`): the chain of pings starts there. */
  firstPingOn: string | null;
  /** The last answer to a ping and when: the pings sent before it say it. */
  lastAnswer: { kind: PingAnswer['kind']; from: string | null; at: Date } | null;
}

const personSchema = new Schema<NudgedPerson>(
  {
    userId: { type: String, required: true },
    lastNudgeAt: { type: Date, default: null },
    lastNudgeKey: { type: String, default: null },
    stopAsking: { type: Boolean, default: false },
    firstPingOn: { type: String, default: null },
    lastAnswer: {
      type: new Schema<{ kind: PingAnswer['kind']; from: string | null; at: Date }>(
        { kind: String, from: { type: String, default: null }, at: Date },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true, collection: 'reengagement_people' },
);
// Every read and the spacing claim go by person.
personSchema.index({ userId: 1 }, { unique: true });

export const personModel = defineModel('NudgedPerson', personSchema);
