import type { Connection } from 'mongoose';
import type { ExportReader, ExportSection } from '../../feature.js';
import { type Checkin, type CheckinAnswer, checkinModel } from '../model.js';
import type { CheckinQuestion } from '../questions/model.js';
import { loadQuestions } from '../questions/service.js';

/** One answered question, as the person was asked it (in their language) and what they said. */
interface AnsweredQuestion {
  question: string;
  answer: string | number | boolean | null;
}

/**
 * An answer as question → answer pairs: the workspace's questions in their order, then any stored
 * answer to a question removed since (under its key: its label is gone).
 */
export function answeredQuestions(
  answer: CheckinAnswer,
  questions: readonly CheckinQuestion[],
  locale: ExportReader['locale'],
): AnsweredQuestion[] {
  const builtin: Record<string, string | number | boolean | null> = {
    score: answer.score,
    progress: answer.progress,
    blockers: answer.blockers,
    needsHelp: answer.needsHelp,
    note: answer.note,
  };
  const extra = answer.extra ?? {};
  const asked = questions.map((q) => ({
    question: q.label[locale],
    answer: (q.builtin ? builtin[q.key] : extra[q.key]) ?? null,
  }));
  const known = new Set(questions.map((q) => q.key));
  const removed = Object.entries(extra)
    .filter(([key]) => !known.has(key))
    .map(([key, value]) => ({ question: key, answer: value }));
  return [...asked, ...removed];
}

/** A freelancer's check-ins, oldest first, with their answers (free text included, whoever may read them). */
export async function checkinsExport(
  conn: Connection,
  userId: string,
  { locale }: ExportReader,
): Promise<Record<string, ExportSection>> {
  const [rows, questions] = await Promise.all([
    checkinModel(conn).find({ freelancerId: userId }).sort({ dueAt: 1 }).lean<Checkin[]>().exec(),
    loadQuestions(conn),
  ]);
  return {
    checkins: {
      description: 'privacy.export.section.checkins',
      checkins: rows.map((c) => ({
        missionId: c.missionId.toString(),
        mission: c.title,
        week: c.week,
        dueAt: c.dueAt,
        status: c.status,
        outcome: c.outcome,
        sentAt: c.sentAt,
        reminderSentAt: c.reminderSentAt,
        closesAt: c.closesAt,
        answeredAt: c.answeredAt,
        editableUntil: c.editableUntil,
        sharedWith: c.answer?.visibility ?? null,
        answers: c.answer ? answeredQuestions(c.answer, questions, locale) : [],
        raisedAnAlert: c.alert,
        language: c.locale,
        timeZone: c.zone,
        country: c.country,
        workingDays: c.workingDays,
      })),
    },
  };
}
