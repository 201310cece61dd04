import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import type { TemplateChoice } from '../../onboarding/contract.js';
import { field, limits, MISSION_MODAL } from '../ids.js';
import type { ModalMetadata } from './input.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  opts: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element,
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
  };
}

/** What the mission modal starts with. */
export interface MissionModalInput {
  tr: Translate;
  templates: readonly TemplateChoice[];
  metadata: ModalMetadata;
  today: string;
  freelancerId?: string;
}

/** The /mission-start modal: every field of PRODUCT.md flow 1; block ids are the validation keys. */
export function missionModal({ tr, templates, metadata, today, freelancerId }: MissionModalInput): ModalView {
  const weekdays: PlainTextOption[] = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    text: plain(tr(`missions.weekday.${d}` as 'missions.weekday.1')),
    value: String(d),
  }));
  const templateOptions: PlainTextOption[] = templates.map((t) => ({
    text: plain(t.name.slice(0, 75)),
    value: t.key,
  }));
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('missions.modal.intro') }] },
    input(field.freelancer, tr('missions.field.freelancer'), {
      type: 'users_select',
      action_id: field.freelancer,
      ...(freelancerId ? { initial_user: freelancerId } : {}),
    }),
    input(field.title, tr('missions.field.title'), {
      type: 'plain_text_input',
      action_id: field.title,
      max_length: limits.title,
    }),
    input(
      field.brief,
      tr('missions.field.brief'),
      { type: 'plain_text_input', action_id: field.brief, multiline: true, max_length: limits.brief },
      { hint: tr('missions.field.briefHint') },
    ),
    input(
      field.objectives,
      tr('missions.field.objectives'),
      {
        type: 'plain_text_input',
        action_id: field.objectives,
        multiline: true,
        max_length: limits.objectives,
      },
      { optional: true },
    ),
    input(field.start, tr('missions.field.start'), {
      type: 'datepicker',
      action_id: field.start,
      initial_date: today,
    }),
    input(field.end, tr('missions.field.end'), { type: 'datepicker', action_id: field.end }),
    input(
      field.channel,
      tr('missions.field.channel'),
      {
        type: 'conversations_select',
        action_id: field.channel,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
      { optional: true, hint: tr('missions.field.channelHint') },
    ),
    input(
      field.buddy,
      tr('missions.field.buddy'),
      { type: 'users_select', action_id: field.buddy },
      { optional: true },
    ),
    input(
      field.skills,
      tr('missions.field.skills'),
      { type: 'plain_text_input', action_id: field.skills, max_length: limits.skills },
      { optional: true, hint: tr('missions.field.skillsHint') },
    ),
  ];
  if (templateOptions.length > 0) {
    blocks.push(
      input(field.template, tr('missions.field.template'), {
        type: 'static_select',
        action_id: field.template,
        options: templateOptions.slice(0, 100),
        initial_option: templateOptions[0],
      }),
    );
  }
  blocks.push(
    input(field.checkinDay, tr('missions.field.checkinDay'), {
      type: 'static_select',
      action_id: field.checkinDay,
      options: weekdays,
      initial_option: weekdays[0],
    }),
    input(field.checkinTime, tr('missions.field.checkinTime'), {
      type: 'timepicker',
      action_id: field.checkinTime,
      initial_time: '10:00',
    }),
    input(
      field.needExpressed,
      tr('missions.field.needExpressed'),
      { type: 'datepicker', action_id: field.needExpressed },
      { optional: true, hint: tr('missions.field.needExpressedHint') },
    ),
  );
  return {
    type: 'modal',
    callback_id: MISSION_MODAL,
    title: plain(tr('missions.modal.title')),
    submit: plain(tr('missions.modal.submit')),
    close: plain(tr('missions.modal.cancel')),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
