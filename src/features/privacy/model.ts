import { Schema } from 'mongoose';
import { defineModel } from '../../db/model.js';

/** Who asked for an erasure or a purge. */
export const auditActors = ['self', 'admin', 'slack', 'cli'] as const;
export type AuditActor = (typeof auditActors)[number];
export const auditKinds = ['erasure', 'uninstall', 'purge'] as const;
export type AuditKind = (typeof auditKinds)[number];

/**
 * One line of the audit trail: who, when, what kind, and a hash of the subject's id — never their id
 * nor what was erased. An admin is named by the hash of their id too (so erasing them later leaves
 * no id here); `key` makes the line of one request written once. The trail survives erasure and purge.
 */
export interface AuditEntry {
  key: string;
  at: Date;
  kind: AuditKind;
  by: AuditActor;
  byHash: string | null;
  subjectHash: string | null;
  /** What happened, in counts (`{ collections: 14, documents: 1200 }`), never content. */
  counts: Record<string, number>;
}

const auditSchema = new Schema<AuditEntry>(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
    kind: { type: String, enum: auditKinds, required: true },
    by: { type: String, enum: auditActors, required: true },
    byHash: { type: String, default: null },
    subjectHash: { type: String, default: null },
    counts: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit_trail', versionKey: false, minimize: false },
);
auditSchema.index({ key: 1 }, { unique: true });
// "Was this person erased, and when": equality on the hash.
auditSchema.index({ subjectHash: 1 });

/** The audit trail model bound to one connection. */
export const auditModel = defineModel('AuditEntry', auditSchema);

/** A secret of the workspace: the salt of the pseudonyms and audit hashes (made once, kept by purges). */
interface PrivacyKey {
  key: string;
  value: string;
}

const keySchema = new Schema<PrivacyKey>(
  { key: { type: String, required: true }, value: { type: String, required: true } },
  { collection: 'privacy_keys', versionKey: false },
);
keySchema.index({ key: 1 }, { unique: true });

/** The privacy keys model bound to one connection. */
export const privacyKeyModel = defineModel('PrivacyKey', keySchema);
