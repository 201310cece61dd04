import { locales } from '../../../config.js';
import { type LocalizedText, type MessageKey, t } from '../../../i18n/index.js';
import type { BuiltinKey, CheckinQuestion, QuestionKind } from './model.js';

/** The workspace key of the (single) question set; per-workspace keys come with multi-workspace installs. */
export const DEFAULT_QUESTION_SET = 'default';

const builtins: readonly { key: BuiltinKey; kind: QuestionKind; optional: boolean; label: MessageKey }[] = [
  { key: 'score', kind: 'score', optional: false, label: 'checkins.question.score' },
  { key: 'progress', kind: 'text', optional: false, label: 'checkins.question.progress' },
  { key: 'blockers', kind: 'text', optional: true, label: 'checkins.question.blockers' },
  { key: 'needsHelp', kind: 'yesno', optional: false, label: 'checkins.question.needsHelp' },
  { key: 'note', kind: 'text', optional: true, label: 'checkins.question.note' },
];

function localized(key: MessageKey): LocalizedText {
  return Object.fromEntries(locales.map((l) => [l, t(l, key)])) as LocalizedText;
}

/** The default questions as stored at first use, labelled in every language from the catalogue. */
export function defaultQuestions(): CheckinQuestion[] {
  return builtins.map((q) => ({
    key: q.key,
    kind: q.kind,
    optional: q.optional,
    builtin: true,
    label: localized(q.label),
  }));
}
