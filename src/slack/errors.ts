// What a failed Slack call means to us: which platform error it is, what may be logged of it, and
// whether a DM can ever go through.

/** Whether an error from @slack/web-api is the platform error `code` (ok:false with that error). */
export function isPlatformError(err: unknown, code: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const data = (err as { data?: { error?: unknown } }).data;
  return (err as { code?: unknown }).code === 'slack_webapi_platform_error' && data?.error === code;
}

/**
 * What to log of a failed Slack call: Slack's error code (`channel_not_found`…) or the error's
 * message. Never the request, which may carry what a person wrote.
 */
export function slackErrorCode(err: unknown): string {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === 'string') return data.error;
  return err instanceof Error ? err.message : String(err);
}

// The person cannot receive a DM at all: retrying would fail the same way.
const UNDELIVERABLE = [
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'channel_not_found',
  'is_archived',
];

/** Whether a failed DM can never go through (the person is gone, a bot, or blocks DMs). */
export function isUndeliverable(err: unknown): boolean {
  return UNDELIVERABLE.some((code) => isPlatformError(err, code));
}
