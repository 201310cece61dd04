import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Locale } from '../../../config.js';
import { formatCalendarDate, formatDateTime, formatTime, type Translate } from '../../../i18n/index.js';
import { EXPORT_CSV } from '../ids.js';
import type { StatPeriod } from './input.js';
import { type Figure, MIN_POINTS, type StatSummary } from './rules.js';

/** How the figures are written for one reader. */
export interface SummaryView {
  tr: Translate;
  locale: Locale;
  /** The reader's zone: the time of `asOf` is theirs. */
  zone: string;
  hrMinPeople: number;
  /** When the figures were last brought up to date (null: never yet), and the time now. */
  asOf: Date | null;
  now: Date;
}

/** The `/mission-stats` answer: title, figures, footer and the "Export CSV" button. */
export function statsMessage(
  v: SummaryView,
  scope: 'workspace' | 'manager',
  period: StatPeriod,
  summary: StatSummary,
): { text: string; blocks: KnownBlock[] } {
  const title = v.tr(scope === 'workspace' ? 'analytics.title.workspace' : 'analytics.title.manager', {
    from: formatCalendarDate(period.from, v.locale),
    to: formatCalendarDate(period.to, v.locale),
  });
  return {
    text: title,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
      ...summaryBlocks(v, summary, scope),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: EXPORT_CSV,
            text: { type: 'plain_text', text: v.tr('analytics.export.button') },
            value: period.label,
          },
        ],
      },
    ],
  };
}

/** The time of the figures: "10:00" today in the reader's zone, else with its date. */
function asOfText(v: SummaryView, at: Date): string {
  const sameDay = DateTime.fromJSDate(at, { zone: v.zone }).hasSame(
    DateTime.fromJSDate(v.now, { zone: v.zone }),
    'day',
  );
  return sameDay ? formatTime(at, v.locale, v.zone) : formatDateTime(at, v.locale, v.zone);
}

/** The figures as two sections and a context line (the Home shows them too). */
export function summaryBlocks(v: SummaryView, s: StatSummary, scope: 'workspace' | 'manager'): KnownBlock[] {
  const { tr } = v;
  const fig = (f: Figure, unit: 'score' | 'days' | 'percent' | 'signed' = 'score') => figureText(v, f, unit);
  const missions = [
    tr('analytics.line.active', { value: s.activeMissions }),
    tr('analytics.line.staffing', { value: fig(s.staffingDays, 'days') }),
    tr('analytics.line.onboarding', { value: fig(s.onboardingDays, 'days') }),
    tr(s.responseRate.low ? 'analytics.line.responseLow' : 'analytics.line.response', {
      value: fig(ratioAsPercent(s.responseRate), 'percent'),
    }),
    tr('analytics.line.satisfaction', {
      value:
        s.satisfaction.value === null
          ? fig(s.satisfaction)
          : tr('analytics.outOf5', { value: fig(s.satisfaction) }),
    }),
    ...(s.trend ? [tr('analytics.line.trend', { bars: s.trend })] : []),
  ];
  if (s.hrHeldBack > 0)
    missions.push(`_${tr('analytics.hrHeldBack', { count: s.hrHeldBack, k: v.hrMinPeople })}_`);
  const o = s.offboarding;
  const end = [
    tr('analytics.line.offboarding', {
      count: o.feedbacks,
      overall: fig(o.overall),
      onboarding: fig(o.onboarding),
      communication: fig(o.communication),
      recognition: fig(o.recognition),
      again: fig(o.wouldWorkAgain, 'percent'),
      nps: fig(o.nps, 'signed'),
    }),
    tr('analytics.line.renewal', {
      renewal: fig(s.renewalRate, 'percent'),
      rehire: fig(s.rehireRate, 'percent'),
      rating: fig(s.rating),
    }),
  ];
  // Community events are workspace figures: a manager's own scope holds none.
  if (scope === 'workspace') {
    end.push(
      tr('analytics.line.events', {
        events: s.events.events,
        going: s.events.going,
        perEvent: fig(s.events.perEvent),
        upcoming: s.events.upcoming,
      }),
    );
  }
  const footer = [tr('analytics.footer', { min: MIN_POINTS })];
  if (v.asOf) footer.unshift(tr('analytics.asOf', { time: asOfText(v, v.asOf) }));
  return [
    { type: 'section', text: { type: 'mrkdwn', text: missions.join('\n') } },
    { type: 'section', text: { type: 'mrkdwn', text: end.join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: footer.join('\n') }] },
  ];
}

function ratioAsPercent(f: Figure): Figure {
  return f.value === null ? f : { value: f.value * 100, points: f.points };
}

/** One figure in the reader's number format, or "not enough data". */
export function figureText(v: Pick<SummaryView, 'tr' | 'locale'>, f: Figure, unit: string): string {
  if (f.value === null) return v.tr('analytics.few', { points: f.points, min: MIN_POINTS });
  const digits = unit === 'score' || unit === 'days' ? 1 : 0;
  const n = new Intl.NumberFormat(v.locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: unit === 'signed' ? 'exceptZero' : 'auto',
  }).format(f.value);
  if (unit === 'percent') return `${n} %`;
  if (unit === 'days') return v.tr('analytics.days', { value: n });
  return n;
}
