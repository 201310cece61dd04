import { describe, expect, it } from 'vitest';
import { csvField, csvRow, toCsv } from '../../src/features/analytics/export/rules.js';
import type { ScopeRollup } from '../../src/features/analytics/rollups/read.js';
import { parsePeriod, quartersInside } from '../../src/features/analytics/summary/input.js';
import { barOf, hrQuarters, summarize, weeklyTrend } from '../../src/features/analytics/summary/rules.js';
import type { StatFigures } from '../../src/rollups.js';

function rollup(days: Record<string, StatFigures>, hr: Record<string, number> = {}): ScopeRollup {
  return { days: new Map(Object.entries(days)), hrPeople: new Map(Object.entries(hr)) };
}

/** A period the test knows is valid. */
function must(text: string, today: string) {
  const p = parsePeriod(text, today);
  if (!p) throw new Error(`period ${text} refused`);
  return p;
}

const base = { activeMissions: 3, hrMinPeople: 5, today: '2026-12-03' };

describe('periods', () => {
  it('reads every form, defaults to 30d and refuses the rest', () => {
    expect(parsePeriod('', '2026-12-03')).toEqual({
      label: '30d',
      from: '2026-11-04',
      to: '2026-12-03',
      wholeQuarters: [],
    });
    expect(parsePeriod('90d', '2026-03-31')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('90D', '2026-03-31')?.wholeQuarters).toEqual(['2026-Q1']);
    expect(parsePeriod('2026-q3', '2026-12-03')).toEqual({
      label: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      wholeQuarters: ['2026-Q3'],
    });
    expect(parsePeriod('2026', '2026-12-03')?.wholeQuarters).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(parsePeriod('2024-02', '2026-12-03')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    for (const bad of ['7d', '2026-13', '2026-Q5', 'last year', '1999', '2026-05-01'])
      expect(parsePeriod(bad, '2026-12-03')).toBeNull();
  });

  it('lists only the quarters lying entirely inside', () => {
    expect(quartersInside('2026-02-01', '2026-12-31')).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quartersInside('2026-05-01', '2026-05-31')).toEqual([]);
  });
});

describe('metrics', () => {
  it('computes each figure from sums and counts, "not enough data" below 5 points', () => {
    const r = rollup({
      '2026-11-10': {
        checkinsSent: 10,
        checkinsAnswered: 5,
        scoreSum: 20,
        scoreCount: 5,
        staffingDaysSum: 50,
        staffingCount: 5,
        onboardingDaysSum: 8,
        onboardingCount: 4,
        missionsEnded: 5,
        missionsRenewed: 2,
        evaluations: 5,
        rehireYes: 4,
        ratingSum: 21,
        feedbacks: 6,
        overallSum: 24,
        onboardingScoreSum: 18,
        communicationSum: 30,
        recognitionSum: 12,
        wouldWorkAgainYes: 3,
        promoters: 3,
        detractors: 1,
        events: 5,
        going: 40,
      },
    });
    const s = summarize({ ...base, rollup: r, period: must('30d', '2026-12-03') });
    expect(s.activeMissions).toBe(3);
    expect(s.staffingDays.value).toBe(10);
    expect(s.onboardingDays.value).toBeNull();
    expect(s.responseRate).toMatchObject({ value: 0.5, low: true });
    expect(s.satisfaction.value).toBe(4);
    expect(s.offboarding.overall.value).toBe(4);
    expect(s.offboarding.communication.value).toBe(5);
    expect(s.offboarding.wouldWorkAgain.value).toBe(50);
    expect(s.offboarding.nps.value).toBeCloseTo(((3 - 1) / 6) * 100);
    expect(s.renewalRate.value).toBe(40);
    expect(s.rehireRate.value).toBe(80);
    expect(s.rating.value).toBeCloseTo(4.2);
    expect(s.events.perEvent.value).toBe(8);
  });

  it('draws the weekly trend from non-HR scores only, a dot for a week under 5 answers', () => {
    const r = rollup({
      '2026-11-23': { scoreSum: 25, scoreCount: 5, hrScoreSum: 1, hrScoreCount: 1 },
      '2026-11-30': { scoreSum: 5, scoreCount: 5 },
      '2026-11-16': { scoreSum: 8, scoreCount: 2, hrScoreSum: 15, hrScoreCount: 3 },
    });
    const trend = weeklyTrend(r, must('30d', '2026-12-03'));
    expect(trend).toBe(`··${barOf(5)}${barOf(1)}`.padStart(5, '·'));
    expect(barOf(5)).toBe('█');
    expect(barOf(1)).toBe('▁');
  });
});

describe('HR-only answers', () => {
  // One manager's freelancers: non-HR answers they can all read, and one person's HR-only answers.
  const days: Record<string, StatFigures> = {
    '2026-02-10': { scoreSum: 15, scoreCount: 5 },
    '2026-02-17': { hrScoreSum: 1, hrScoreCount: 1 },
    '2026-05-12': { scoreSum: 20, scoreCount: 5, hrScoreSum: 2, hrScoreCount: 2 },
    '2026-11-24': { scoreSum: 20, scoreCount: 5, hrScoreSum: 1, hrScoreCount: 1 },
  };
  const one = rollup(days, { '2026-Q1': 1, '2026-Q2': 1, '2026-Q4': 1 });
  const nonHr = (from: string, to: string) => {
    let sum = 0;
    let count = 0;
    for (const [d, f] of Object.entries(days))
      if (d >= from && d <= to) {
        sum += f.scoreSum ?? 0;
        count += f.scoreCount ?? 0;
      }
    return count >= 5 ? sum / count : null;
  };

  it('a manager with one HR-only freelancer: no period shows that person’s HR scores', () => {
    for (const label of ['30d', '90d', '2026-02', '2026-05', '2026-Q1', '2026-Q2', '2026-Q4', '2026']) {
      const period = must(label, '2026-12-03');
      const inPeriod = new Map([...one.days].filter(([d]) => d >= period.from && d <= period.to));
      const s = summarize({ ...base, rollup: { days: inPeriod, hrPeople: one.hrPeople }, period });
      expect(s.satisfaction.value, label).toBe(nonHr(period.from, period.to));
      const hr = [...inPeriod.values()].reduce((n, f) => n + (f.hrScoreCount ?? 0), 0);
      expect(s.hrHeldBack, label).toBe(hr);
    }
  });

  it('with k people in a whole settled quarter, that quarter’s HR part counts, and only it', () => {
    const r = rollup(days, { '2026-Q1': 5, '2026-Q2': 4, '2026-Q4': 9 });
    const year = summarize({ ...base, rollup: r, period: must('2026', '2026-12-03') });
    // Q1 (5 people, settled) in; Q2 (4 people) out; Q4 (not over yet) out.
    expect(year.satisfaction.value).toBeCloseTo((15 + 1 + 20 + 20) / (5 + 1 + 5 + 5));
    expect(year.hrHeldBack).toBe(3);
    const q1 = summarize({ ...base, rollup: r, period: must('2026-Q1', '2026-12-03') });
    expect(q1.satisfaction.value).toBeCloseTo(16 / 6);
    // A month inside that quarter is never whole: non-HR only.
    const feb = summarize({ ...base, rollup: r, period: must('2026-02', '2026-12-03') });
    expect(feb.satisfaction.value).toBe(3);
    // Q4 counts only HR_SETTLE_DAYS after it ended.
    const later = { ...base, rollup: r, period: must('2026-Q4', '2027-01-20'), today: '2027-01-20' };
    expect(hrQuarters(later)).toEqual(new Set(['2026-Q4']));
    expect(hrQuarters({ ...later, today: '2027-01-10' })).toEqual(new Set());
  });
});

describe('CSV', () => {
  it('quotes ; " and line breaks, starts with a BOM, and leaves HR-only scores out', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    const row = csvRow(
      {
        _id: 'm1' as never,
        status: 'active',
        startDate: '2026-01-05',
        endDate: '2026-06-30',
        needExpressedOn: '2025-12-20',
        managerId: 'UM',
        freelancerId: 'UF',
      },
      { checkinsSent: 10, checkinsAnswered: 8, scoreSum: 20, scoreCount: 5, hrScoreSum: 5, hrScoreCount: 3 },
    );
    expect(row.slice(9, 14)).toEqual(['10', '8', '0.80', '5', '4.00']);
    const text = toCsv([row]).toString('utf8');
    expect(text.startsWith('\uFEFFmission_id;status;')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
  });
});
