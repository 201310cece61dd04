import { Schema, type Types } from 'mongoose';
import { defineModel } from '../../db/model.js';
import { localizedTextSchema as localizedText } from '../../db/schemas.js';
import type { LocalizedText } from '../../i18n/index.js';

/** One step of a template: who does it and how many days after the start it is due (null: no date). */
export interface TemplateItem {
  label: LocalizedText;
  owner: ItemOwner;
  dueOffsetDays: number | null;
}

/** A stored onboarding template (admins may edit it; missions copy its items at start). */
export interface OnboardingTemplate {
  _id: Types.ObjectId;
  key: string;
  name: LocalizedText;
  items: TemplateItem[];
  createdAt: Date;
  updatedAt: Date;
}

/** One checklist item of one mission, in its own document (no positional updates on FerretDB). */
export interface OnboardingItem {
  _id: Types.ObjectId;
  missionId: Types.ObjectId;
  /** Position in the template: with missionId, the unique key that makes creation idempotent. */
  index: number;
  label: LocalizedText;
  owner: ItemOwner;
  /** Slack user id of the owner, copied at creation so "my open items" is one indexed query. */
  ownerId: string;
  dueAt: Date | null;
  doneAt: Date | null;
  /**
   * Whether `doneAt` is set, kept in step by `setItemDone`: open items are found by equality on a
   * bool, which FerretDB hands to PostgreSQL (a `null` filter makes it decode every item).
   */
  done: boolean;
  doneBy: string | null;
  reminderSentAt: Date | null;
  /** When its one reminder falls due (null: no reminder, or none any more); set at creation. */
  remindAt: Date | null;
  /** The mark of the digest that reminded it (the digest's day), null until then. */
  remindedIn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ItemOwner = 'freelancer' | 'manager';

/** A checklist item as other features see it. */
export interface ChecklistItemView {
  id: string;
  missionId: string;
  missionTitle: string;
  label: string;
  owner: ItemOwner;
  ownerId: string;
  dueAt: Date | null;
  /** The due day (`yyyy-MM-dd`, in the mission's zone): what people read, the same wherever they are. */
  dueDate: string | null;
  done: boolean;
}

/** Done / total items of a mission's onboarding. */
export interface Progress {
  done: number;
  total: number;
}

/** An onboarding template as the mission modal lists it. */
export interface TemplateChoice {
  key: string;
  name: string;
}

const owners: readonly ItemOwner[] = ['freelancer', 'manager'];

const templateSchema = new Schema<OnboardingTemplate>(
  {
    key: { type: String, required: true },
    name: { type: localizedText, required: true },
    items: {
      type: [
        new Schema<TemplateItem>(
          {
            label: { type: localizedText, required: true },
            owner: { type: String, enum: owners, required: true },
            dueOffsetDays: { type: Number, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true, collection: 'onboarding_templates' },
);
templateSchema.index({ key: 1 }, { unique: true });

const itemSchema = new Schema<OnboardingItem>(
  {
    missionId: { type: Schema.Types.ObjectId, required: true },
    index: { type: Number, required: true },
    label: { type: localizedText, required: true },
    owner: { type: String, enum: owners, required: true },
    ownerId: { type: String, required: true },
    dueAt: { type: Date, default: null },
    doneAt: { type: Date, default: null },
    done: { type: Boolean, default: false },
    doneBy: { type: String, default: null },
    reminderSentAt: { type: Date, default: null },
    remindAt: { type: Date, default: null },
    remindedIn: { type: String, default: null },
  },
  { timestamps: true, collection: 'onboarding_items' },
);
// A second startOnboarding (retry, replay) hits this index instead of creating items twice.
itemSchema.index({ missionId: 1, index: 1 }, { unique: true });
// "My open items" (Home): equality on the owner and on done.
itemSchema.index({ ownerId: 1, done: 1 });
// What a digest listed: equality on the owner and the digest's mark.
itemSchema.index({ ownerId: 1, remindedIn: 1 });
// Checklist of a mission, progress, completion count.
itemSchema.index({ missionId: 1 });

/** The templates model bound to one connection. */
export const templateModel = defineModel('OnboardingTemplate', templateSchema);

/** The checklist items model bound to one connection. */
export const itemModel = defineModel('OnboardingItem', itemSchema);
