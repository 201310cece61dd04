import { Schema } from 'mongoose';
import type { LocalizedText } from '../i18n/index.js';

/** A posted message we may edit later (a DM, a channel post): where Slack put it. */
export interface MessageRef {
  channel: string;
  ts: string;
}

/** A `MessageRef` as a sub-document. */
export const messageRefSchema = new Schema<MessageRef>({ channel: String, ts: String }, { _id: false });

/** A text in every supported language, as a sub-document (templates, custom questions). */
export const localizedTextSchema = new Schema<LocalizedText>(
  { fr: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);
