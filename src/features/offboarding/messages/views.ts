import type { Locale } from '../../../config.js';
import { formatDate, type Translate } from '../../../i18n/index.js';
import { isOpen, type Mission, statusReachedAt } from '../../missions/index.js';
import type { ItemOwner, Offboarding } from '../model.js';

/** What the offboarding messages show of the two forms. */
export type FormsState = Pick<Offboarding, 'feedbackState' | 'evaluationGiven' | 'closed' | 'closedAt'> & {
  feedback: { at: Date } | null;
  evaluation: { at: Date } | null;
};

type Reader = { locale: Locale; zone: string };

/** A mission no offboarding message may act on any more: closed or cancelled. */
export function isFinished(mission: Pick<Mission, 'status'>): boolean {
  return !isOpen(mission.status);
}

/** "Mission closed on …" / "Mission cancelled on …" for a finished mission, else null. */
export function finishedLine(
  tr: Translate,
  mission: Pick<Mission, 'status' | 'history'>,
  reader: Reader,
): string | null {
  if (!isFinished(mission)) return null;
  const at = statusReachedAt(mission);
  const date = at ? formatDate(at, reader.locale, reader.zone) : '—';
  return tr(mission.status === 'completed' ? 'offboarding.state.closed' : 'offboarding.state.cancelled', {
    date,
  });
}

/** What became of one side's form ("Feedback given on …"), or null while it is still owed. */
export function formLine(
  tr: Translate,
  side: ItemOwner,
  off: FormsState | null,
  reader: Reader,
): string | null {
  if (!off) return null;
  const on = (d: Date | undefined) => (d ? formatDate(d, reader.locale, reader.zone) : '—');
  if (side === 'freelancer') {
    if (off.feedbackState === 'given')
      return tr('offboarding.state.feedbackGiven', { date: on(off.feedback?.at) });
    if (off.feedbackState === 'notGiven') return tr('offboarding.state.feedbackNotGiven');
    return null;
  }
  return off.evaluationGiven
    ? tr('offboarding.state.evaluationGiven', { date: on(off.evaluation?.at) })
    : null;
}
