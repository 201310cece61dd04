import { DateTime } from 'luxon';
import type { Contribution, RollupSource } from '../../rollups.js';
import { type Offboarding, offboardingModel } from './model.js';

/**
 * What an offboarding adds to the analytics figures, each part on its own day (in `zone`): the
 * freelancer's feedback (four 1–5 scores, would work again, the 0–10 recommend score as sum,
 * promoters 9–10 and detractors 0–6), the manager's evaluation (rating, would rehire), and the
 * closing (ended, renewed, closed without feedback).
 */
export function offboardingContribution(o: Offboarding, zone: string): Contribution[] {
  const base = { managerId: o.managerId, missionId: o.missionId };
  const dayOf = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
  const out: Contribution[] = [];
  const f = o.feedbackState === 'given' ? o.feedback : null;
  if (f) {
    out.push({
      ...base,
      day: dayOf(f.at),
      figures: {
        feedbacks: 1,
        overallSum: f.overall,
        onboardingScoreSum: f.onboarding,
        communicationSum: f.communication,
        recognitionSum: f.recognition,
        wouldWorkAgainYes: f.wouldWorkAgain ? 1 : 0,
        recommendSum: f.recommend,
        promoters: f.recommend >= 9 ? 1 : 0,
        detractors: f.recommend <= 6 ? 1 : 0,
      },
    });
  }
  const e = o.evaluationGiven ? o.evaluation : null;
  if (e) {
    out.push({
      ...base,
      day: dayOf(e.at),
      figures: { evaluations: 1, ratingSum: e.rating, rehireYes: e.wouldRehire ? 1 : 0 },
    });
  }
  if (o.closed && o.closedAt) {
    out.push({
      ...base,
      day: dayOf(o.closedAt),
      figures: {
        missionsEnded: 1,
        missionsRenewed: e?.renewed ? 1 : 0,
        feedbackNotGiven: o.feedbackState === 'notGiven' ? 1 : 0,
      },
    });
  }
  return out;
}

/** The offboardings as a rollup source. */
export function offboardingStats(zone: string): RollupSource {
  return {
    name: 'offboardings',
    model: offboardingModel,
    contributions: async (_conn, docs) =>
      (docs as Offboarding[]).map((o) => offboardingContribution(o, zone)),
  };
}
