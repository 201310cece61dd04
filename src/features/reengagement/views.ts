import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Locale } from '../../config.js';
import { formatCalendarDate, formatDay, translator } from '../../i18n/index.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { Reader } from '../../slack/reader.js';
import {
  AVAILABLE_ACTION,
  NOT_NOW_ACTION,
  PROPOSE_ACTION,
  SNOOZE_ACTION,
  STOP_ACTION,
  STOP_ASKING_ACTION,
} from './ids.js';
import type { ReengagementPlan } from './model.js';

const button = (actionId: string, text: string, value: string, style?: 'primary') => ({
  type: 'button' as const,
  action_id: actionId,
  value,
  text: { type: 'plain_text' as const, text },
  ...(style ? { style } : {}),
});

/** "X did great on Y — anything coming up?", with propose / snooze 30 days / stop. */
export function nudgeMessage(plan: ReengagementPlan, day: number, locale: Locale): OutgoingMessage {
  const tr = translator(locale);
  const vars = { freelancer: plan.freelancerId, title: escapeMrkdwn(truncate(plan.title, 150)), days: day };
  const text = tr('reengagement.nudge.text', vars);
  const value = plan.missionId;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      ...(plan.skills.length > 0
        ? [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: tr('reengagement.nudge.skills', {
                    skills: escapeMrkdwn(truncate(plan.skills.join(', '), 500)),
                  }),
                },
              ],
            },
          ]
        : []),
      {
        type: 'actions',
        elements: [
          button(PROPOSE_ACTION, tr('reengagement.nudge.propose'), value, 'primary'),
          button(SNOOZE_ACTION, tr('reengagement.nudge.snooze'), value),
          button(STOP_ACTION, tr('reengagement.nudge.stop'), value),
        ],
      },
    ],
  };
}

/** The quarterly question to an alumnus: available from a date / not now / stop asking. */
export function pingMessage(locale: Locale, today: string): OutgoingMessage {
  const tr = translator(locale);
  const text = tr('reengagement.ping.text');
  const actions: ActionsBlock = {
    type: 'actions',
    elements: [
      {
        type: 'datepicker',
        action_id: AVAILABLE_ACTION,
        initial_date: today,
        placeholder: { type: 'plain_text', text: tr('reengagement.ping.available') },
      },
      button(NOT_NOW_ACTION, tr('reengagement.ping.notNow'), 'notnow'),
      button(STOP_ASKING_ACTION, tr('reengagement.ping.stopAsking'), 'stop'),
    ],
  };
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('reengagement.ping.hint') }] },
    actions,
  ];
  return { text, blocks };
}

/** What replaces the nudge's buttons once the manager chose. */
export function nudgeAnswered(
  choice: 'snoozed' | 'stopped' | 'proposed',
  plan: ReengagementPlan,
  reader: Pick<Reader, 'locale' | 'zone'>,
  until?: Date,
): OutgoingMessage {
  const { locale } = reader;
  const tr = translator(locale);
  const vars = { freelancer: plan.freelancerId, title: escapeMrkdwn(truncate(plan.title, 150)) };
  const text =
    choice === 'snoozed'
      ? tr('reengagement.nudge.snoozed', { date: until ? formatDay(until, locale, reader.zone) : '' })
      : choice === 'stopped'
        ? tr('reengagement.nudge.stopped', vars)
        : tr('reengagement.nudge.proposed', vars);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** What replaces the ping's buttons once the alumnus answered. */
export function pingAnswered(
  answer: { kind: 'available'; from: string } | { kind: 'notNow' } | { kind: 'stop' },
  locale: Locale,
): OutgoingMessage {
  const tr = translator(locale);
  const text =
    answer.kind === 'available'
      ? tr('reengagement.ping.thanksAvailable', { date: formatCalendarDate(answer.from, locale) })
      : answer.kind === 'notNow'
        ? tr('reengagement.ping.thanksNotNow')
        : tr('reengagement.ping.stopped');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
