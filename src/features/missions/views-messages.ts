import type { KnownBlock, Overflow } from '@slack/types';
import type { Locale } from '../../config.js';
import { formatCalendarDate, type Translate } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import { ADMIN_MENU, type AdminAction } from './ids.js';
import type { Mission } from './model.js';

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
    text: tr('missions.confirm.text', { title: m.title, freelancer: `<@${m.freelancerId}>` }),
    blocks,
  };
}

/** The team channel's introduction post. */
export function channelIntroMessage(m: Mission, tr: Translate, locale: Locale): OutgoingMessage {
  const d = display(m, tr, locale);
  const buddy = m.buddyId ? tr('missions.intro.buddy', { buddy: m.buddyId }) : '';
  return {
    text: tr('missions.intro.text', { freelancer: `<@${m.freelancerId}>`, title: m.title }),
    blocks: [section(tr('missions.intro.body', { ...d, freelancer: m.freelancerId, buddy }))],
  };
}

/** The admin overflow menu of a mission (change dates, reassign, cancel with a confirmation). */
export function adminMenu(missionId: string, tr: Translate): Overflow {
  const option = (action: AdminAction, label: string) => ({
    text: { type: 'plain_text' as const, text: label },
    value: `${action}:${missionId}`,
  });
  return {
    type: 'overflow',
    action_id: ADMIN_MENU,
    options: [
      option('dates', tr('missions.admin.menu.dates')),
      option('reassign', tr('missions.admin.menu.reassign')),
      option('cancel', tr('missions.admin.menu.cancel')),
    ],
  };
}
