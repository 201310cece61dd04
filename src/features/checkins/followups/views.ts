import type { KnownBlock, SectionBlock } from '@slack/types';
import { formatDate, translator } from '../../../i18n/index.js';
import { type OutgoingMessage, textMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Reader } from '../../../slack/reader.js';
import type { AlertReason } from '../answers/rules.js';
import type { Checkin, CheckinAnswer } from '../model.js';
import type { CheckinQuestion } from '../questions/model.js';

// Sections hold ≤3000 characters: the label, then the (escaped, so possibly longer) answer.
const MAX_SECTION = 2900;
const MAX_HEADER = 150;

type Answered = Pick<Checkin, 'title' | 'dueAt' | 'freelancerId' | 'managerId'> & { answer: CheckinAnswer };

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION) } };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, MAX_HEADER), emoji: true } };
}

/** The answer, question by question, with the workspace's labels in the reader's language. */
function detailBlocks(reader: Reader, a: CheckinAnswer, questions: readonly CheckinQuestion[]): KnownBlock[] {
  const tr = translator(reader.locale);
  const blocks: KnownBlock[] = [];
  for (const q of questions) {
    const label = `*${escapeMrkdwn(q.label[reader.locale])}*`;
    if (q.key === 'score' && q.builtin) {
      const word = tr(`checkins.score.${a.score}` as 'checkins.score.1');
      blocks.push(section(`${label}\n${tr('checkins.summary.score', { score: a.score, word })}`));
    } else if (q.key === 'needsHelp' && q.builtin) {
      blocks.push(section(`${label}\n${tr(a.needsHelp ? 'checkins.yes' : 'checkins.no')}`));
    } else {
      const raw = q.builtin ? a[q.key as 'progress' | 'blockers' | 'note'] : a.extra[q.key];
      const value = raw?.trim() ? escapeMrkdwn(raw) : tr('checkins.summary.empty');
      blocks.push(section(`${label}\n${value}`));
    }
  }
  return blocks;
}

function dateOf(c: Answered, reader: Reader): string {
  return formatDate(c.dueAt, reader.locale, reader.zone);
}

/** Why an answer raised an alert, in the reader's language: the reasons, then "second week in a row". */
function alertLines(
  c: Answered,
  reader: Reader,
  alert: { reasons: readonly AlertReason[]; repeat: boolean },
): string[] {
  const tr = translator(reader.locale);
  const reasons = alert.reasons
    .map((r) => tr(`checkins.alert.reason.${r}`, { score: c.answer.score }))
    .join(', ');
  const lines = [
    tr('checkins.alert.intro', { freelancer: c.freelancerId, date: dateOf(c, reader), reasons }),
  ];
  if (alert.repeat) lines.push(tr('checkins.alert.repeat'));
  return lines;
}

/**
 * The manager's compact summary of an answer shared with them (a fresh one after each edit). When
 * the answer raised an alert, the summary carries it (its header, why): one message to the manager,
 * each answer shown once.
 */
export function summaryMessage(
  c: Answered,
  reader: Reader,
  questions: readonly CheckinQuestion[],
  edited: boolean,
  alert?: { reasons: readonly AlertReason[]; repeat: boolean },
): OutgoingMessage {
  const tr = translator(reader.locale);
  const title = escapeMrkdwn(truncate(c.title, 120));
  const params = { freelancer: c.freelancerId, title, date: dateOf(c, reader) };
  const intro = tr(edited ? 'checkins.summary.introEdit' : 'checkins.summary.intro', params);
  if (!alert)
    return {
      text: tr('checkins.summary.fallback', { ...params, score: c.answer.score }),
      blocks: [
        header(tr('checkins.summary.header', { title: c.title })),
        section(intro),
        ...detailBlocks(reader, c.answer, questions),
      ],
    };
  return {
    text: tr('checkins.alert.fallback', { title }),
    blocks: [
      header(tr('checkins.alert.header', { title: c.title })),
      section([...alertLines(c, reader, alert), intro].join('\n')),
      { type: 'divider' },
      ...detailBlocks(reader, c.answer, questions),
    ],
  };
}

/** What the manager learns of an answer shared with HR only: that it exists, nothing of its contents. */
export function hrOnlyNotice(
  c: Pick<Checkin, 'title' | 'dueAt' | 'freelancerId'>,
  reader: Reader,
  edited: boolean,
): OutgoingMessage {
  const tr = translator(reader.locale);
  const text = tr(edited ? 'checkins.hrNotice.textEdit' : 'checkins.hrNotice.text', {
    freelancer: c.freelancerId,
    title: escapeMrkdwn(truncate(c.title, 120)),
    date: formatDate(c.dueAt, reader.locale, reader.zone),
  });
  return textMessage(text);
}

/** Who an alert is for: the manager (answer shared with them) or HR admins. */
export type AlertAudience = 'manager' | 'admins';

/** An alert: why, whether it repeats last week's, then the answer (the reader is entitled to it). */
export function alertMessage(
  c: Answered,
  reader: Reader,
  questions: readonly CheckinQuestion[],
  opts: { reasons: readonly AlertReason[]; repeat: boolean; audience: AlertAudience },
): OutgoingMessage {
  const tr = translator(reader.locale);
  const lines = alertLines(c, reader, opts);
  if (opts.audience === 'admins') {
    lines.push(
      tr(c.answer.visibility === 'hr' ? 'checkins.alert.hrOnly' : 'checkins.alert.manager', {
        manager: c.managerId,
      }),
    );
  }
  return {
    text: tr('checkins.alert.fallback', { title: escapeMrkdwn(truncate(c.title, 120)) }),
    blocks: [
      header(tr('checkins.alert.header', { title: c.title })),
      section(lines.join('\n')),
      { type: 'divider' },
      ...detailBlocks(reader, c.answer, questions),
    ],
  };
}
