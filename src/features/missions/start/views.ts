import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, mention, type Translate } from '../../../i18n/index.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import { adminMenu } from '../admin/views.js';
import type { AlumnusOption, TemplateOption } from '../deps.js';
import { ALUMNI_BLOCK, field, limits, MISSION_MODAL, PICK_ALUMNUS } from '../ids.js';
import type { Mission } from '../model.js';
import type { MissionPrefill, ModalMetadata } from './input.js';

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
  templates: readonly TemplateOption[];
  metadata: ModalMetadata;
  today: string;
  /** Fields filled in advance (a renewal, a talent-pool proposal, `/mission-start @freelancer`). */
  prefill?: MissionPrefill;
  /** Alumni matching the skills typed, each with a button that picks them. */
  suggestions?: readonly AlumnusOption[];
  /**
   * The freelancer input's block_id. Slack keeps an input's value across views.update while its
   * block_id and action_id stay; picking an alumnus changes the block_id (`freelancer.<user>`) so
   * that its `initial_user` shows. The action_id stays `freelancer`.
   */
  freelancerBlockId?: string;
}

/** The /mission-start modal: every field of PRODUCT.md flow 1; block ids are the validation keys. */
export function missionModal({
  tr,
  templates,
  metadata,
  today,
  prefill = {},
  suggestions = [],
  freelancerBlockId = field.freelancer,
}: MissionModalInput): ModalView {
  const text = (value: string | undefined) => (value ? { initial_value: value } : {});
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
    input(freelancerBlockId, tr('missions.field.freelancer'), {
      type: 'users_select',
      action_id: field.freelancer,
      ...(prefill.freelancerId ? { initial_user: prefill.freelancerId } : {}),
    }),
    input(field.title, tr('missions.field.title'), {
      type: 'plain_text_input',
      action_id: field.title,
      max_length: limits.title,
      ...text(prefill.title?.slice(0, limits.title)),
    }),
    input(
      field.brief,
      tr('missions.field.brief'),
      {
        type: 'plain_text_input',
        action_id: field.brief,
        multiline: true,
        max_length: limits.brief,
        ...text(prefill.brief?.slice(0, limits.brief)),
      },
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
        ...text(prefill.objectives?.slice(0, limits.objectives)),
      },
      { optional: true },
    ),
    input(field.start, tr('missions.field.start'), {
      type: 'datepicker',
      action_id: field.start,
      initial_date: prefill.startDate ?? today,
    }),
    input(field.end, tr('missions.field.end'), {
      type: 'datepicker',
      action_id: field.end,
      ...(prefill.endDate ? { initial_date: prefill.endDate } : {}),
    }),
    input(
      field.channel,
      tr('missions.field.channel'),
      {
        type: 'conversations_select',
        action_id: field.channel,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(prefill.channelId ? { initial_conversation: prefill.channelId } : {}),
      },
      { optional: true, hint: tr('missions.field.channelHint') },
    ),
    input(
      field.buddy,
      tr('missions.field.buddy'),
      { type: 'users_select', action_id: field.buddy },
      { optional: true },
    ),
    {
      ...input(
        field.skills,
        tr('missions.field.skills'),
        {
          type: 'plain_text_input',
          action_id: field.skills,
          max_length: limits.skills,
          // Typing skills (enter, or characters) sends a block_action: the modal then suggests alumni.
          dispatch_action_config: { trigger_actions_on: ['on_enter_pressed', 'on_character_entered'] },
          ...text(prefill.skills?.join(', ').slice(0, limits.skills)),
        },
        { optional: true, hint: tr('missions.field.skillsHint') },
      ),
      dispatch_action: true,
    },
    ...alumniBlocks(tr, suggestions),
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

/** The alumni suggested for the skills typed: one line each with a "pick" button. */
function alumniBlocks(tr: Translate, suggestions: readonly AlumnusOption[]): KnownBlock[] {
  if (suggestions.length === 0) return [];
  return [
    {
      type: 'context',
      block_id: ALUMNI_BLOCK,
      elements: [{ type: 'mrkdwn', text: tr('missions.alumni.header') }],
    },
    ...suggestions.slice(0, 3).map(
      (a): KnownBlock => ({
        type: 'section',
        block_id: `${ALUMNI_BLOCK}.${a.userId}`,
        text: {
          type: 'mrkdwn',
          text: truncate(
            tr('missions.alumni.line', {
              user: a.userId,
              matched: a.matched.map(escapeMrkdwn).join(', '),
              missions: tr('talent.missionsDone', { count: a.missionsDone }),
            }),
            3000,
          ),
        },
        accessory: {
          type: 'button',
          action_id: PICK_ALUMNUS,
          value: a.userId,
          text: { type: 'plain_text', text: tr('missions.alumni.pick'), emoji: true },
        },
      }),
    ),
  ];
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});
const weekdayKey = (d: number) => `missions.weekday.${d}` as 'missions.weekday.1';

/** Mission fields as a reader sees them. */
function display(m: Mission, tr: Translate, locale: Locale) {
  return {
    title: escapeMrkdwn(m.title),
    start: formatCalendarDate(m.startDate, locale),
    end: formatCalendarDate(m.endDate, locale),
    weekday: tr(weekdayKey(m.checkin.weekday)),
    time: m.checkin.time,
    zone: m.checkin.timezone,
  };
}

/** The freelancer's welcome DM: brief, objectives, dates, who's who, channel, check-in rhythm. */
export function welcomeMessage(
  m: Mission,
  tr: Translate,
  locale: Locale,
  freelancerName: string,
): OutgoingMessage {
  const d = display(m, tr, locale);
  const fields = [
    { type: 'mrkdwn' as const, text: tr('missions.welcome.dates', d) },
    { type: 'mrkdwn' as const, text: tr('missions.welcome.manager', { manager: m.managerId }) },
    ...(m.buddyId
      ? [{ type: 'mrkdwn' as const, text: tr('missions.welcome.buddy', { buddy: m.buddyId }) }]
      : []),
    ...(m.channelId
      ? [{ type: 'mrkdwn' as const, text: tr('missions.welcome.channel', { channel: m.channelId }) }]
      : []),
  ];
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(tr('missions.welcome.header', { name: freelancerName }), 150),
      },
    },
    section(tr('missions.welcome.intro', { manager: m.managerId, title: d.title })),
    { type: 'section', fields },
  ];
  if (m.brief) blocks.push(section(tr('missions.welcome.brief', { brief: escapeMrkdwn(m.brief) })));
  if (m.objectives)
    blocks.push(section(tr('missions.welcome.objectives', { objectives: escapeMrkdwn(m.objectives) })));
  blocks.push(
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('missions.welcome.checkin', d) }] },
    section(tr('missions.welcome.next')),
  );
  return { text: tr('missions.welcome.text', { title: m.title }), blocks };
}

/** How the team-channel introduction went, for the manager's confirmation. */
export type ChannelOutcome = 'none' | 'posted' | 'private_not_member' | 'archived';

/** The manager's confirmation: what was sent, the assumed zone if any, and how the channel post went. */
export function confirmationMessage(
  m: Mission,
  tr: Translate,
  locale: Locale,
  channel: ChannelOutcome,
  withAdminMenu: boolean,
): OutgoingMessage {
  const d = display(m, tr, locale);
  const body: KnownBlock = section(tr('missions.confirm.body', { ...d, freelancer: m.freelancerId }));
  if (withAdminMenu && body.type === 'section') body.accessory = adminMenu(String(m._id), tr);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: tr('missions.confirm.header') } },
    body,
    section(
      m.checkin.timezoneAssumed
        ? tr('missions.confirm.zoneAssumed', { freelancer: m.freelancerId, zone: m.checkin.timezone })
        : tr('missions.confirm.zoneRead', d),
    ),
  ];
  if (channel === 'posted' && m.channelId)
    blocks.push(section(tr('missions.confirm.channelPosted', { channel: m.channelId })));
  if (channel === 'private_not_member' && m.channelId) {
    blocks.push(section(tr('missions.confirm.channelPrivate', { channel: m.channelId })));
  }
  if (channel === 'archived') blocks.push(section(tr('missions.confirm.channelMissing')));
  return {
    text: tr('missions.confirm.text', { title: m.title, freelancer: mention(tr, m.freelancerId) }),
    blocks,
  };
}

/** The team channel's introduction post. */
export function channelIntroMessage(m: Mission, tr: Translate, locale: Locale): OutgoingMessage {
  const d = display(m, tr, locale);
  const buddy = m.buddyId ? tr('missions.intro.buddy', { buddy: m.buddyId }) : '';
  return {
    text: tr('missions.intro.text', { freelancer: mention(tr, m.freelancerId), title: m.title }),
    blocks: [section(tr('missions.intro.body', { ...d, freelancer: m.freelancerId, buddy }))],
  };
}
