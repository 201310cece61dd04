import { Schema } from 'mongoose';
import { defineModel } from '../../db/model.js';

/** Kinds of non-urgent messages a person can mute (PRODUCT.md §9). */
export const muteCategories = ['reminders', 'nudges', 'digests', 'events'] as const;
export type MuteCategory = (typeof muteCategories)[number];

/** One person's choices about what Passerelle may send them and when. */
export interface Preferences {
  userId: string;
  muted: MuteCategory[];
  /** Non-urgent DMs wait until then. */
  snoozedUntil: Date | null;
  updatedAt: Date;
}

const preferencesSchema = new Schema<Preferences>(
  {
    userId: { type: String, required: true },
    muted: { type: [String], enum: muteCategories, default: [] },
    snoozedUntil: { type: Date, default: null },
  },
  { timestamps: { createdAt: false, updatedAt: true }, collection: 'preferences' },
);
preferencesSchema.index({ userId: 1 }, { unique: true });

/** The preferences model bound to one connection. */
export const preferencesModel = defineModel('Preferences', preferencesSchema);
