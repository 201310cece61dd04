import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../config.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { PoolMember } from '../deps.js';
import type { CommunityEvent } from '../model.js';
import { slackDate, titleOf } from '../views.js';

/** At most this many lines per list (the digest stays one short message). */
const MAX_ROWS = 20;

/** The weekly digest: upcoming events, then the talent pool's newcomers (when there are any). */
export function digestMessage(
  events: readonly CommunityEvent[],
  members: readonly PoolMember[],
  locale: Locale,
): OutgoingMessage {
  const tr = translator(locale);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: tr('community.digest.title') } },
  ];
  if (events.length > 0) {
    const lines = events
      .slice(0, MAX_ROWS)
      .map((e) =>
        tr('community.digest.event', { title: titleOf(e), when: slackDate(e.startsAt, locale, e.timezone) }),
      );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`${tr('community.digest.events')}\n${lines.join('\n')}`, 3000) },
    });
  }
  if (members.length > 0) {
    const lines = members.slice(0, MAX_ROWS).map((m) =>
      tr('community.digest.member', {
        user: m.userId,
        skills: m.skills.length > 0 ? ` — ${escapeMrkdwn(m.skills.slice(0, 5).join(', '))}` : '',
      }),
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`${tr('community.digest.members')}\n${lines.join('\n')}`, 3000),
      },
    });
  }
  return { text: tr('community.digest.title'), blocks };
}
