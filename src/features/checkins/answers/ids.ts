/** action_id of the button that opens a check-in's modal (its DM, the answered DM, the Home); value = check-in id. */
export const OPEN_CHECKIN = 'checkin_open';
/** callback_id of the check-in modal. */
export const CHECKIN_VIEW = 'checkin_submit';

/**
 * block_ids (and action_id, the same string) of the check-in modal, by answer field (the built-in
 * questions' keys and `visibility`): inline errors are keyed by them.
 */
export const field = {
  score: 'score',
  progress: 'progress',
  blockers: 'blockers',
  needsHelp: 'needs_help',
  note: 'note',
  visibility: 'visibility',
} as const;

/** The block of a custom question (keys are `[a-z][a-z0-9_]*`, so the prefix keeps them apart). */
export function extraField(key: string): string {
  return `extra_${key}`;
}

/**
 * Answer lengths (plain_text_input max_length). Each text is shown in its own section of the
 * manager's summary (≤3000 characters with its label, after mrkdwn escaping).
 */
export const limits = { progress: 1500, blockers: 1500, note: 1500, extra: 500 } as const;
