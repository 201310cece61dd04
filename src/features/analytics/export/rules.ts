import type { StatFigures } from '../../../rollups.js';
import type { StatsMission } from '../../missions/index.js';
import { MIN_POINTS } from '../summary/rules.js';

/**
 * The CSV columns, in order (documented in docs/metrics.md, "CSV export"). No free text, no private
 * note, and no score of one person that the reader may not read: the check-in average is the
 * non-HR answers' only (a mission has one freelancer, so its HR-only answers would be theirs alone),
 * the freelancer's end-of-mission feedback and the manager's rating are not given per mission.
 */
export const CSV_COLUMNS = [
  'mission_id',
  'status',
  'start_date',
  'end_date',
  'need_expressed_on',
  'manager_id',
  'freelancer_id',
  'staffing_days',
  'onboarding_days',
  'checkins_sent',
  'checkins_answered',
  'response_rate',
  'scores',
  'average_score',
  'ended',
  'renewed',
  'evaluated',
  'rehire_yes',
  'feedback_given',
] as const;

/** Whether a mission's dates overlap the period (inclusive days). */
export function overlaps(m: Pick<StatsMission, 'startDate' | 'endDate'>, from: string, to: string): boolean {
  return m.startDate <= to && m.endDate >= from;
}

/** One mission's row: its dates, status, people and totals (blank where there are fewer than MIN_POINTS). */
export function csvRow(m: StatsMission, t: StatFigures): string[] {
  const n = (v: number | undefined) => String(v ?? 0);
  const avg = (sum: number | undefined, count: number | undefined, digits: number) =>
    (count ?? 0) >= MIN_POINTS ? ((sum ?? 0) / (count ?? 1)).toFixed(digits) : '';
  const once = (sum: number | undefined, count: number | undefined) =>
    (count ?? 0) > 0 ? String((sum ?? 0) / (count ?? 1)) : '';
  return [
    m._id.toString(),
    m.status,
    m.startDate,
    m.endDate,
    m.needExpressedOn ?? '',
    m.managerId,
    m.freelancerId,
    once(t.staffingDaysSum, t.staffingCount),
    once(t.onboardingDaysSum, t.onboardingCount),
    n(t.checkinsSent),
    n(t.checkinsAnswered),
    avg(t.checkinsAnswered, t.checkinsSent, 2),
    n(t.scoreCount),
    avg(t.scoreSum, t.scoreCount, 2),
    n(t.missionsEnded),
    n(t.missionsRenewed),
    n(t.evaluations),
    n(t.rehireYes),
    n(t.feedbacks),
  ];
}

/** A field, quoted when it holds the separator, a quote or a line break (quotes doubled). */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: UTF-8 BOM (spreadsheets then read the accents), `;`-separated, CRLF lines. */
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const lines = [CSV_COLUMNS, ...rows].map((r) => r.map(csvField).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
