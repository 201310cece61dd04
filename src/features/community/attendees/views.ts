import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { mention, translator } from '../../../i18n/index.js';
import { truncate } from '../../../slack/mrkdwn.js';
import { ATTENDEES_MODAL, ATTENDEES_PAGE } from '../ids.js';
import type { CommunityEvent } from '../model.js';

/** People per page of the attendee list (a page stays far under Block Kit's 100 blocks). */
export const PAGE_SIZE = 60;

export interface AttendeeLists {
  going: string[];
  waitlist: string[];
  maybe: string[];
}

/** One page of the attendee list: going, then the waitlist in order, then maybe; buttons to page. */
export function attendeesModal(
  locale: Locale,
  event: CommunityEvent,
  lists: AttendeeLists,
  page: number,
): ModalView {
  const tr = translator(locale);
  const rows: { group: 'going' | 'waitlist' | 'maybe'; line: string }[] = [
    ...lists.going.map((u) => ({ group: 'going' as const, line: `• ${mention(tr, u)}` })),
    ...lists.waitlist.map((u, i) => ({ group: 'waitlist' as const, line: `${i + 1}. ${mention(tr, u)}` })),
    ...lists.maybe.map((u) => ({ group: 'maybe' as const, line: `• ${mention(tr, u)}` })),
  ];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(event.title, 150) } },
  ];
  for (const group of ['going', 'waitlist', 'maybe'] as const) {
    const lines = slice.filter((r) => r.group === group).map((r) => r.line);
    const total = lists[group].length;
    const first = current === 1 || lines.length > 0;
    if (!first) continue;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${tr(`community.attendees.${group}`, { count: total })}\n${lines.length > 0 ? lines.join('\n') : total === 0 ? tr('community.attendees.none') : '…'}`,
      },
    });
  }
  if (pages > 1) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: tr('community.attendees.page', { page: current, pages }) }],
    });
    const buttons = [];
    if (current > 1)
      buttons.push({
        type: 'button' as const,
        action_id: `${ATTENDEES_PAGE}.prev`,
        text: { type: 'plain_text' as const, text: tr('community.attendees.previous') },
        value: `${event._id.toString()}:${current - 1}`,
      });
    if (current < pages)
      buttons.push({
        type: 'button' as const,
        action_id: `${ATTENDEES_PAGE}.next`,
        text: { type: 'plain_text' as const, text: tr('community.attendees.next') },
        value: `${event._id.toString()}:${current + 1}`,
      });
    blocks.push({ type: 'actions', elements: buttons });
  }
  return {
    type: 'modal',
    callback_id: ATTENDEES_MODAL,
    title: { type: 'plain_text', text: tr('community.attendees.title') },
    close: { type: 'plain_text', text: tr('community.attendees.close') },
    blocks,
  };
}
