import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../config.js';
import { formatDateTime } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { CommunityEvent } from './model.js';

/**
 * A date every reader sees in their own zone (Slack's `<!date>`), with a fallback text in the
 * event's zone for clients and notifications that cannot render it.
 */
export function slackDate(at: Date, locale: Locale, fallbackZone: string): string {
  const unix = Math.floor(at.getTime() / 1000);
  const fallback = `${formatDateTime(at, locale, fallbackZone)} (${fallbackZone})`;
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
}

/** The event's title as mrkdwn (escaped, cut). */
export function titleOf(event: Pick<CommunityEvent, 'title'>): string {
  return escapeMrkdwn(truncate(event.title, 150));
}

/** Where, as mrkdwn: a link stays clickable, a place is escaped. */
export function placeOf(event: Pick<CommunityEvent, 'place'>): string {
  return /^https:\/\//.test(event.place) ? `<${event.place}>` : escapeMrkdwn(event.place);
}

/** A one-section DM. */
export function dm(text: string): { text: string; blocks: KnownBlock[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] };
}
