import { Schema } from 'mongoose';
import { defineModel } from '../../db/model.js';
import { type MessageRef, messageRefSchema } from '../../db/schemas.js';

/**
 * One reminder digest sent to a person on one of their local days. The unique (userId, day) index is
 * what makes "at most one reminder DM a day" hold whatever jobs, retries or instances run.
 */
export interface DigestDoc {
  userId: string;
  /** YYYY-MM-DD in the person's zone. */
  day: string;
  /** The job that holds the day (its key also marks the items it lists). */
  jobKey: string;
  /** The mark its items carry (the job's day: no person in it, so erasure leaves nothing behind). */
  mark: string;
  /** Missions it lists, to redraw it when one of them changes. */
  missionIds: string[];
  ref: MessageRef | null;
  createdAt: Date;
}

const digestSchema = new Schema<DigestDoc>(
  {
    userId: { type: String, required: true },
    day: { type: String, required: true },
    jobKey: { type: String, required: true },
    mark: { type: String, required: true },
    missionIds: { type: [String], default: [] },
    ref: { type: messageRefSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'reminder_digests' },
);
digestSchema.index({ userId: 1, day: 1 }, { unique: true });

/** The digests model bound to one connection. */
export const digestModel = defineModel('ReminderDigest', digestSchema);
