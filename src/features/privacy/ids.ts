/** The erasure confirmation modal. */
export const ERASE_MODAL = 'privacy.erase.confirm';
/** Durable jobs: the data export of one request, the erasure of one person. */
export const EXPORT_JOB = 'privacy.export';
export const ERASE_JOB = 'privacy.erase';
/** The collections a workspace purge keeps: the audit trail, and the salt its hashes use. */
export const KEPT_BY_PURGE = ['audit_trail', 'privacy_keys'] as const;
