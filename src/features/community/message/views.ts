import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../../config.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { EVENT_MENU, RSVP_ACTION } from '../ids.js';
import type { CommunityEvent, EventCounts } from '../model.js';
import { answersOpen } from '../rules.js';
import { placeOf, slackDate, titleOf } from '../views.js';

/**
 * The invite: what, when (each reader's own time), where, seats, counts, the three buttons and the
 * animator's menu. Counts only, never names (the attendee list is in the menu): a fixed size
 * whatever the number of answers.
 */
export function inviteMessage(
  event: CommunityEvent,
  counts: EventCounts,
  locale: Locale,
  now: Date,
  intro?: string,
): OutgoingMessage {
  const tr = translator(locale);
  const id = event._id.toString();
  const cancelled = event.status === 'cancelled';
  const when = slackDate(event.startsAt, locale, event.timezone);
  const blocks: KnownBlock[] = [];
  if (intro) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: intro } });
  blocks.push({
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(cancelled ? `${tr('community.invite.cancelled')} — ${event.title}` : event.title, 150),
    },
  });
  if (event.description)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: escapeMrkdwn(truncate(event.description, 2900)) },
    });
  blocks.push({
    type: 'section',
    fields: [
      {
        type: 'mrkdwn',
        text: `${tr('community.invite.when')}\n${when} · ${tr('community.invite.duration', { minutes: event.durationMinutes })}`,
      },
      { type: 'mrkdwn', text: `${tr('community.invite.where')}\n${truncate(placeOf(event), 1900)}` },
    ],
  });
  const context: string[] = [];
  if (event.capacity !== null)
    context.push(
      tr('community.invite.seats', {
        going: counts.going,
        capacity: event.capacity,
        waitlist: counts.waitlist,
      }),
    );
  context.push(tr('community.invite.counts', { going: counts.going, maybe: counts.maybe, no: counts.no }));
  const open = answersOpen(event, now);
  if (!cancelled && !open) context.push(tr('community.invite.closed'));
  else if (event.deadline && open)
    context.push(
      tr('community.invite.deadline', { date: slackDate(event.deadline, locale, event.timezone) }),
    );
  context.push(tr('community.invite.by', { user: event.createdBy }));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join('\n') }] });
  if (!cancelled) {
    blocks.push({
      type: 'actions',
      block_id: `community.rsvp.${id}`,
      elements: [
        button(RSVP_ACTION.going, tr('community.button.going'), id, 'primary'),
        button(RSVP_ACTION.maybe, tr('community.button.maybe'), id),
        button(RSVP_ACTION.no, tr('community.button.no'), id),
        {
          type: 'overflow',
          action_id: EVENT_MENU,
          options: (['list', 'edit', 'invite', 'cancel'] as const).map((c) => ({
            text: { type: 'plain_text', text: tr(`community.menu.${c}`) },
            value: `${c}:${id}`,
          })),
        },
      ],
    });
  }
  const text = `${cancelled ? `${tr('community.invite.cancelled')} — ` : ''}${titleOf(event)} — ${when} — ${tr(
    'community.invite.counts',
    { going: counts.going, maybe: counts.maybe, no: counts.no },
  )}`;
  return { text, blocks };
}

function button(actionId: string, label: string, value: string, style?: 'primary') {
  return {
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: label },
    value,
    ...(style ? { style } : {}),
  };
}
