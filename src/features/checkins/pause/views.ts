import type { Locale } from '../../../config.js';
import { formatCalendarDate, type Translate } from '../../../i18n/index.js';
import { type OutgoingMessage, textMessage } from '../../../slack/gateway.js';
import { UNTIL_FURTHER_NOTICE } from './rules.js';
import type { PauseOutcome, ResumeOutcome } from './service.js';

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
