import type { Locale } from '../../config.js';
import { formatCalendarDate, formatDateTime, type Translate } from '../../i18n/index.js';
import { type OutgoingMessage, textMessage } from '../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../slack/mrkdwn.js';
import type { NothingToAnswer } from './answers.js';
import { type PauseOutcome, type ResumeOutcome, UNTIL_FURTHER_NOTICE } from './pause.js';

/** `/checkin help`, with a first line when the subcommand was not understood. */
export function checkinHelp(tr: Translate, unknown?: string): OutgoingMessage {
  const lines = [tr('checkins.help.title'), tr('checkins.help.body')];
  if (unknown !== undefined)
    lines.unshift(tr('checkins.help.unknown', { sub: escapeMrkdwn(truncate(unknown, 40)) }));
  return textMessage(lines.join('\n'));
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

/** The confirmation (or refusal) of `/checkin pause`. */
export function pauseMessage(tr: Translate, locale: Locale, outcome: PauseOutcome): OutgoingMessage {
  if (outcome.kind === 'noMission') return textMessage(tr('checkins.noOpenMission'));
  if (outcome.kind === 'pastDate') return textMessage(tr('checkins.pause.pastDate'));
  const lines = [
    tr(outcome.until === UNTIL_FURTHER_NOTICE ? 'checkins.pause.doneIndefinitely' : 'checkins.pause.done', {
      date: formatCalendarDate(outcome.until, locale),
      count: outcome.missions,
    }),
  ];
  if (outcome.skipped > 0) lines.push(tr('checkins.pause.skipped', { count: outcome.skipped }));
  lines.push(tr('checkins.pause.howToResume'));
  return textMessage(lines.join('\n'));
}

/** The confirmation of `/checkin resume`. */
export function resumeMessage(tr: Translate, outcome: ResumeOutcome): OutgoingMessage {
  if (outcome.kind === 'noMission') return textMessage(tr('checkins.noOpenMission'));
  if (outcome.kind === 'notPaused') return textMessage(tr('checkins.resume.notPaused'));
  const lines = [tr('checkins.resume.done', { count: outcome.missions })];
  if (outcome.restored > 0) lines.push(tr('checkins.resume.restored', { count: outcome.restored }));
  return textMessage(lines.join('\n'));
}

/** A pause date the command could not read. */
export function badDateMessage(tr: Translate, raw: string): OutgoingMessage {
  return textMessage(tr('checkins.pause.badDate', { date: escapeMrkdwn(truncate(raw, 40)) }));
}
