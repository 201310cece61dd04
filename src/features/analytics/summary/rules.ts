import { DateTime } from 'luxon';
import type { StatField, StatFigures } from '../../../rollups.js';
import { quarterOf } from '../rollups/keys.js';
import type { ScopeRollup } from '../rollups/read.js';
import { quarterEnd, type StatPeriod } from './input.js';

/** Below this many data points a figure is "not enough data" (PRODUCT.md flow 8: honest small numbers). */
export const MIN_POINTS = 5;
/** A check-in response rate below this is flagged. */
export const LOW_RESPONSE_RATE = 0.6;
/**
 * Days after a quarter's end before its HR-only answers may count: an answer lands on its check-in's
 * day, and a check-in can still be answered for a few days after it was sent. Until then a figure
 * that moved by one late answer between two days would show that one person's HR-only score.
 */
export const HR_SETTLE_DAYS = 14;
/** Weeks the satisfaction trend shows at most (the last ones of the period). */
export const TREND_WEEKS = 12;
const BARS = '▁▂▃▄▅▆▇█';

/** A figure, or how few data points it would stand on. */
export type Figure = { value: number; points: number } | { value: null; points: number };

/** Everything `/mission-stats` and the admin Home show, computed from the rollups. */
export interface StatSummary {
  activeMissions: number;
  staffingDays: Figure;
  onboardingDays: Figure;
  responseRate: Figure & { low: boolean };
  satisfaction: Figure;
  /** HR-only answers of the period left out of `satisfaction` (the reader knows how many there were). */
  hrHeldBack: number;
  /** One character per week (oldest first): a bar for the week's average, `·` below MIN_POINTS. */
  trend: string;
  offboarding: {
    feedbacks: number;
    overall: Figure;
    onboarding: Figure;
    communication: Figure;
    recognition: Figure;
    wouldWorkAgain: Figure;
    nps: Figure;
    notGiven: number;
  };
  renewalRate: Figure;
  rehireRate: Figure;
  rating: Figure;
  /**
   * Community events held in the period (on its days up to today: one later in the period is still
   * to come), their seats said "going", and the events after today (whatever the period).
   */
  events: { events: number; going: number; perEvent: Figure; upcoming: number };
}

/** What the figures are computed from. */
export interface SummaryInput {
  rollup: ScopeRollup;
  period: StatPeriod;
  /** Missions in status active now, in the scope. */
  activeMissions: number;
  /** STATS_HR_MIN_PEOPLE. */
  hrMinPeople: number;
  /** The reader's calendar day (settled quarters are judged from it; events after it are upcoming). */
  today: string;
}

/** Community events held from `from` to `to` but not after `today`, and those after `today`. */
export function eventsOf(
  days: ReadonlyMap<string, StatFigures>,
  period: Pick<StatPeriod, 'from' | 'to'>,
  today: string,
): StatSummary['events'] {
  const last = period.to < today ? period.to : today;
  let events = 0;
  let going = 0;
  let upcoming = 0;
  for (const [day, f] of days) {
    if (day > today) upcoming += f.events ?? 0;
    else if (day >= period.from && day <= last) {
      events += f.events ?? 0;
      going += f.going ?? 0;
    }
  }
  return { events, going, perEvent: ratio(going, events), upcoming };
}

/** `sum ÷ points`, or "not enough data" below MIN_POINTS. */
export function ratio(sum: number, points: number, scale = 1): Figure {
  return points >= MIN_POINTS ? { value: (sum / points) * scale, points } : { value: null, points };
}

/** Each field summed over the given days. */
export function sumDays(days: Iterable<StatFigures>): Record<StatField, number> {
  const out = {} as Record<StatField, number>;
  for (const figures of days) {
    for (const [field, n] of Object.entries(figures) as [StatField, number][])
      out[field] = (out[field] ?? 0) + n;
  }
  return out;
}

/**
 * The quarters whose HR-only answers count in the satisfaction figure: whole inside the period,
 * settled (HR_SETTLE_DAYS after their end, so their figure no longer moves), and holding the HR-only
 * answers of at least `hrMinPeople` distinct people. Every view applies the same rule, so any two
 * views differ by whole quarters' HR-only parts of ≥ k people each, or by nothing HR-only at all.
 */
export function hrQuarters(
  input: Pick<SummaryInput, 'rollup' | 'period' | 'hrMinPeople' | 'today'>,
): Set<string> {
  const settled =
    DateTime.fromISO(input.today, { zone: 'utc' }).minus({ days: HR_SETTLE_DAYS }).toISODate() ?? '';
  return new Set(
    input.period.wholeQuarters.filter(
      (q) => quarterEnd(q) < settled && (input.rollup.hrPeople.get(q) ?? 0) >= input.hrMinPeople,
    ),
  );
}

/** The satisfaction figure: every non-HR score, plus the HR-only scores of `hrQuarters` only. */
export function satisfactionOf(input: SummaryInput): { figure: Figure; heldBack: number } {
  const included = hrQuarters(input);
  let sum = 0;
  let count = 0;
  let heldBack = 0;
  for (const [day, f] of input.rollup.days) {
    sum += f.scoreSum ?? 0;
    count += f.scoreCount ?? 0;
    if (included.has(quarterOf(day))) {
      sum += f.hrScoreSum ?? 0;
      count += f.hrScoreCount ?? 0;
    } else heldBack += f.hrScoreCount ?? 0;
  }
  return { figure: ratio(sum, count), heldBack };
}

/** The weekly trend of the non-HR scores (weeks from Monday), the last TREND_WEEKS of the period. */
export function weeklyTrend(rollup: ScopeRollup, period: StatPeriod): string {
  const end = DateTime.fromISO(period.to, { zone: 'utc' });
  const from = DateTime.fromISO(period.from, { zone: 'utc' });
  const lastMonday = end.minus({ days: end.weekday - 1 });
  const weeks: { sum: number; count: number }[] = [];
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const monday = lastMonday.minus({ weeks: i });
    if (monday.plus({ days: 6 }) < from) continue;
    let sum = 0;
    let count = 0;
    for (let d = 0; d < 7; d++) {
      const f = rollup.days.get(monday.plus({ days: d }).toISODate() ?? '');
      sum += f?.scoreSum ?? 0;
      count += f?.scoreCount ?? 0;
    }
    weeks.push({ sum, count });
  }
  return weeks.map((w) => (w.count >= MIN_POINTS ? barOf(w.sum / w.count) : '·')).join('');
}

/** A 1–5 score as one of eight bars. */
export function barOf(score: number): string {
  const i = Math.round(((Math.min(5, Math.max(1, score)) - 1) / 4) * (BARS.length - 1));
  return BARS[i] ?? '·';
}

/** Every figure of the summary (PRODUCT.md flow 8; the formulas are in docs/metrics.md). */
export function summarize(whole: SummaryInput): StatSummary {
  // Only the period's days, whatever the caller read (a year document holds the whole year).
  const { from, to } = whole.period;
  const days = new Map([...whole.rollup.days].filter(([d]) => d >= from && d <= to));
  const input = { ...whole, rollup: { days, hrPeople: whole.rollup.hrPeople } };
  const t = sumDays(input.rollup.days.values());
  const n = (f: StatField) => t[f] ?? 0;
  const response = ratio(n('checkinsAnswered'), n('checkinsSent'));
  const { figure, heldBack } = satisfactionOf(input);
  const feedbacks = n('feedbacks');
  return {
    activeMissions: input.activeMissions,
    staffingDays: ratio(n('staffingDaysSum'), n('staffingCount')),
    onboardingDays: ratio(n('onboardingDaysSum'), n('onboardingCount')),
    responseRate: { ...response, low: response.value !== null && response.value < LOW_RESPONSE_RATE },
    satisfaction: figure,
    hrHeldBack: heldBack,
    trend: weeklyTrend(input.rollup, input.period),
    offboarding: {
      feedbacks,
      overall: ratio(n('overallSum'), feedbacks),
      onboarding: ratio(n('onboardingScoreSum'), feedbacks),
      communication: ratio(n('communicationSum'), feedbacks),
      recognition: ratio(n('recognitionSum'), feedbacks),
      wouldWorkAgain: ratio(n('wouldWorkAgainYes'), feedbacks, 100),
      nps: ratio(n('promoters') - n('detractors'), feedbacks, 100),
      notGiven: n('feedbackNotGiven'),
    },
    renewalRate: ratio(n('missionsRenewed'), n('missionsEnded'), 100),
    rehireRate: ratio(n('rehireYes'), n('evaluations'), 100),
    rating: ratio(n('ratingSum'), n('evaluations')),
    events: eventsOf(whole.rollup.days, whole.period, whole.today),
  };
}
