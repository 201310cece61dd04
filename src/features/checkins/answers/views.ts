import type {
  Button,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnOption,
  Option,
  PlainTextOption,
  RadioButtons,
} from '@slack/types';
import type { Locale } from '../../../config.js';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  mention,
  type Translate,
  translator,
} from '../../../i18n/index.js';
import { type OutgoingMessage, textMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Checkin, CheckinAnswer, Visibility } from '../model.js';
import { UNTIL_FURTHER_NOTICE } from '../pause/rules.js';
import type { CheckinQuestion } from '../questions/model.js';
import { CHECKIN_VIEW, extraField, field, limits, OPEN_CHECKIN } from './ids.js';
import type { NothingToAnswer } from './service.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const MAX_LABEL = 2000;
const MAX_TITLE = 120;

/** What the check-in modal shows: the check-in, the questions, the answer to prefill when editing. */
export interface CheckinModalInput {
  tr: Translate;
  locale: Locale;
  checkin: Pick<Checkin, '_id' | 'title' | 'dueAt' | 'zone' | 'managerId' | 'answer'>;
  questions: readonly CheckinQuestion[];
  /** Until when the answer can be changed (null: no set end). */
  until: Date | null;
  adminIds: readonly string[];
}

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  optional: boolean,
): InputBlock {
  return { type: 'input', block_id: blockId, label: plain(truncate(label, MAX_LABEL)), element, optional };
}

function option(text: string, value: string, description?: string): PlainTextOption {
  return { text: plain(text), value, ...(description ? { description: plain(description) } : {}) };
}

function mrkdwnOption(text: string, value: string, description: string): MrkdwnOption {
  return { text: { type: 'mrkdwn', text }, value, description: plain(description) };
}

function radios(actionId: string, options: Option[], initial: string | undefined): RadioButtons {
  const selected = options.find((o) => o.value === initial);
  return {
    type: 'radio_buttons',
    action_id: actionId,
    options,
    ...(selected ? { initial_option: selected } : {}),
  };
}

function textInput(actionId: string, max: number, initial: string | undefined, multiline = true) {
  return {
    type: 'plain_text_input' as const,
    action_id: actionId,
    multiline,
    max_length: max,
    ...(initial ? { initial_value: initial.slice(0, max) } : {}),
  };
}

function questionBlock(
  q: CheckinQuestion,
  tr: Translate,
  locale: Locale,
  a: CheckinAnswer | null,
): InputBlock {
  const label = q.label[locale];
  if (!q.builtin) {
    const id = extraField(q.key);
    return input(id, label, textInput(id, limits.extra, a?.extra[q.key]), q.optional);
  }
  const id = field[q.key as keyof typeof field];
  switch (q.key) {
    case 'score': {
      const options = [1, 2, 3, 4, 5].map((n) =>
        option(tr(`checkins.score.${n}` as 'checkins.score.1'), String(n)),
      );
      return input(id, label, radios(id, options, a ? String(a.score) : undefined), false);
    }
    case 'needsHelp': {
      const options = [option(tr('checkins.yes'), 'yes'), option(tr('checkins.no'), 'no')];
      return input(id, label, radios(id, options, a?.needsHelp ? 'yes' : 'no'), false);
    }
    default: {
      const max = limits[q.key as 'progress' | 'blockers' | 'note'];
      const initial = a?.[q.key as 'progress' | 'blockers' | 'note'];
      return input(id, label, textInput(id, max, initial), q.optional);
    }
  }
}

/** Who exactly reads the answer under each choice, spelled out under the radio buttons. */
function visibilityBlocks(
  tr: Translate,
  managerId: string,
  adminIds: readonly string[],
  initial: Visibility,
) {
  const admins =
    adminIds.length > 0
      ? adminIds.map((id) => mention(tr, id)).join(', ')
      : tr('checkins.visibility.noAdmins');
  // Radio options may be mrkdwn: the manager's mention renders as their name.
  const options: Option[] = [
    mrkdwnOption(
      tr('checkins.visibility.manager', { manager: managerId }),
      'manager',
      tr('checkins.visibility.managerDescription'),
    ),
    mrkdwnOption(tr('checkins.visibility.hr'), 'hr', tr('checkins.visibility.hrDescription')),
  ];
  return [
    input(
      field.visibility,
      tr('checkins.visibility.label'),
      radios(field.visibility, options, initial),
      false,
    ),
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: tr('checkins.visibility.explainManager', { manager: managerId, admins }) },
        { type: 'mrkdwn', text: tr('checkins.visibility.explainHr', { manager: managerId, admins }) },
      ],
    } satisfies KnownBlock,
  ];
}

/** The check-in modal; private_metadata is the check-in id only (everything else is read again on submit). */
export function checkinModal({
  tr,
  locale,
  checkin,
  questions,
  until,
  adminIds,
}: CheckinModalInput): ModalView {
  const a = checkin.answer;
  const intro = tr('checkins.modal.intro', {
    title: escapeMrkdwn(truncate(checkin.title, MAX_TITLE)),
    date: formatDate(checkin.dueAt, locale, checkin.zone),
  });
  const context = until
    ? `${intro}\n${tr('checkins.modal.editableUntil', { date: formatDateTime(until, locale, checkin.zone) })}`
    : intro;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ...questions.map((q) => questionBlock(q, tr, locale, a)),
    { type: 'divider' },
    ...visibilityBlocks(tr, checkin.managerId, adminIds, a?.visibility ?? 'manager'),
  ];
  return {
    type: 'modal',
    callback_id: CHECKIN_VIEW,
    title: plain(tr(a ? 'checkins.modal.titleEdit' : 'checkins.modal.title')),
    submit: plain(tr('checkins.modal.submit')),
    close: plain(tr('checkins.modal.cancel')),
    private_metadata: checkin._id.toString(),
    blocks,
  };
}

/** The button that opens a check-in's modal (from its DM, the answered DM and the Home). */
export function openCheckinButton(checkinId: string, label: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: OPEN_CHECKIN,
    value: checkinId,
    ...(style ? { style } : {}),
    text: { type: 'plain_text', text: label },
  };
}

/**
 * The check-in DM once answered (it replaces the question in place): thanks, the score, who reads
 * it, and while the answer can still change, a button to edit it and until when.
 */
export function answeredMessage(
  c: Pick<Checkin, '_id' | 'title' | 'zone' | 'managerId'> & { answer: CheckinAnswer },
  locale: Locale,
  until: Date | null,
  now: Date,
): OutgoingMessage {
  const tr = translator(locale);
  const title = escapeMrkdwn(truncate(c.title, 120));
  const shared =
    c.answer.visibility === 'manager'
      ? tr('checkins.answered.sharedManager', { manager: c.managerId })
      : tr('checkins.answered.sharedHr');
  const text = tr('checkins.answered.text', { title, score: c.answer.score });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${text}\n${shared}` } }];
  const editable = until === null || now < until;
  if (editable) {
    if (until) {
      const date = formatDateTime(until, locale, c.zone);
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: tr('checkins.answered.editableUntil', { date }) }],
      });
    }
    blocks.push({
      type: 'actions',
      block_id: 'checkin.edit',
      elements: [openCheckinButton(c._id.toString(), tr('checkins.answered.edit'))],
    });
  }
  return { text, blocks };
}

/** Why `/checkin` opened nothing: no mission, or no check-in open now (and when the next one comes). */
export function nothingToAnswerMessage(
  tr: Translate,
  locale: Locale,
  zone: string,
  info: NothingToAnswer,
): OutgoingMessage {
  if (!info.hasMission) return textMessage(tr('checkins.current.noMission'));
  const lines = [tr('checkins.current.none')];
  if (info.pausedUntil === UNTIL_FURTHER_NOTICE) lines.push(tr('checkins.current.pausedIndefinitely'));
  else if (info.pausedUntil) {
    lines.push(tr('checkins.current.paused', { date: formatCalendarDate(info.pausedUntil, locale) }));
  } else if (info.next)
    lines.push(tr('checkins.current.next', { date: formatDateTime(info.next, locale, zone) }));
  return textMessage(lines.join('\n'));
}
