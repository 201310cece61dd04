import type { KnownBlock, ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import type { Locale } from '../../../config.js';
import { translator } from '../../../i18n/index.js';
import { EVENT_MODAL, field, INVITE_MODAL, limits } from '../ids.js';
import type { CommunityEvent } from '../model.js';

/** What the modal starts with: the animator's zone and the community channel, or the event edited. */
export interface EventModalInit {
  timezone: string;
  channelId?: string;
  event?: CommunityEvent;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The event form (create, or edit with the event's values). */
export function eventModal(locale: Locale, init: EventModalInit): ModalView {
  const tr = translator(locale);
  const e = init.event;
  const zone = e?.timezone ?? init.timezone;
  const start = e ? DateTime.fromJSDate(e.startsAt, { zone }) : undefined;
  const deadline = e?.deadline ? DateTime.fromJSDate(e.deadline, { zone }) : undefined;
  const input = (
    blockId: string,
    label: string,
    element: Record<string, unknown>,
    opts: { optional?: boolean; hint?: string } = {},
  ): KnownBlock =>
    ({
      type: 'input',
      block_id: blockId,
      label: plain(label),
      optional: opts.optional ?? false,
      ...(opts.hint ? { hint: plain(opts.hint) } : {}),
      element: { action_id: blockId, ...element },
    }) as KnownBlock;
  const text = (initial: string | undefined, extra: Record<string, unknown> = {}) => ({
    type: 'plain_text_input',
    ...(initial ? { initial_value: initial } : {}),
    ...extra,
  });
  const blocks: KnownBlock[] = [
    input(field.title, tr('community.field.title'), text(e?.title, { max_length: limits.title })),
    input(
      field.description,
      tr('community.field.description'),
      text(e?.description, { multiline: true, max_length: limits.description }),
      { optional: true },
    ),
    input(field.date, tr('community.field.date'), {
      type: 'datepicker',
      ...(start ? { initial_date: start.toISODate() } : {}),
    }),
    input(field.time, tr('community.field.time'), {
      type: 'timepicker',
      ...(start ? { initial_time: start.toFormat('HH:mm') } : {}),
    }),
    input(field.timezone, tr('community.field.timezone'), text(zone, { max_length: 64 }), {
      hint: tr('community.field.timezoneHint'),
    }),
    input(field.duration, tr('community.field.duration'), {
      type: 'number_input',
      is_decimal_allowed: false,
      min_value: '5',
      max_value: String(24 * 60),
      initial_value: String(e?.durationMinutes ?? 60),
    }),
    input(field.place, tr('community.field.place'), text(e?.place, { max_length: limits.place }), {
      hint: tr('community.field.placeHint'),
    }),
    input(
      field.capacity,
      tr('community.field.capacity'),
      {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(limits.capacity),
        ...(e?.capacity ? { initial_value: String(e.capacity) } : {}),
      },
      { optional: true, hint: tr('community.field.capacityHint') },
    ),
  ];
  if (!e) {
    blocks.push(
      input(field.channel, tr('community.field.channel'), {
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(init.channelId ? { initial_conversation: init.channelId } : {}),
      }),
    );
  }
  blocks.push(
    input(
      field.deadlineDate,
      tr('community.field.deadlineDate'),
      { type: 'datepicker', ...(deadline ? { initial_date: deadline.toISODate() } : {}) },
      { optional: true },
    ),
    input(
      field.deadlineTime,
      tr('community.field.deadlineTime'),
      { type: 'timepicker', ...(deadline ? { initial_time: deadline.toFormat('HH:mm') } : {}) },
      { optional: true },
    ),
  );
  return {
    type: 'modal',
    callback_id: EVENT_MODAL,
    private_metadata: JSON.stringify(e ? { v: 1, eventId: e._id.toString() } : { v: 1 }),
    title: plain(tr(e ? 'community.modal.editTitle' : 'community.modal.title')),
    submit: plain(tr(e ? 'community.modal.save' : 'community.modal.submit')),
    close: plain(tr('community.modal.cancel')),
    blocks,
  };
}

/** Invite by DM: people picked (freelancers of open missions outside the channel to start with). */
export function inviteModal(locale: Locale, eventId: string, initialUsers: readonly string[]): ModalView {
  const tr = translator(locale);
  return {
    type: 'modal',
    callback_id: INVITE_MODAL,
    private_metadata: JSON.stringify({ v: 1, eventId }),
    title: plain(tr('community.invite.modalTitle')),
    submit: plain(tr('community.invite.send')),
    close: plain(tr('community.modal.cancel')),
    blocks: [
      {
        type: 'input',
        block_id: field.invitees,
        label: plain(tr('community.invite.people')),
        hint: plain(tr('community.invite.peopleHint')),
        element: {
          type: 'multi_users_select',
          action_id: field.invitees,
          max_selected_items: 100,
          ...(initialUsers.length > 0 ? { initial_users: initialUsers.slice(0, 100) } : {}),
        },
      },
    ],
  };
}
