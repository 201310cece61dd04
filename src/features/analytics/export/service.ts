import { z } from 'zod';
import { formatCalendarDate, translator } from '../../../i18n/index.js';
import { clearJobPayload } from '../../../scheduler/personal-data.js';
import type { JobContext } from '../../../scheduler/runner.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { readerOf } from '../../../slack/reader.js';
import { eachStatsMission, type StatsMission } from '../../missions/index.js';
import type { AnalyticsDeps } from '../deps.js';
import { EXPORT_JOB } from '../ids.js';
import type { StatScope } from '../rollups/keys.js';
import { readMissionRollups } from '../rollups/read.js';
import { parsePeriod, type StatPeriod, todayIn } from '../summary/input.js';
import { MIN_POINTS } from '../summary/rules.js';
import { periodOf, scopeOf } from '../summary/service.js';
import { CSV_COLUMNS, csvRow, overlaps, toCsv } from './rules.js';

const exportPayload = z.object({ userId: z.string().min(1), period: z.string().min(1), today: z.string() });

/**
 * The "Export CSV" button: checks the reader may see statistics, queues the export (a durable job
 * keyed by the click) and runs it at once; the file arrives by DM.
 */
export async function requestStatsExport(
  deps: AnalyticsDeps,
  userId: string,
  periodLabel: string,
  requestKey: string,
): Promise<OutgoingMessage> {
  const [reader, scope] = await Promise.all([readerOf(deps, userId, 1_000), scopeOf(deps, userId)]);
  const tr = translator(reader.locale);
  if (!scope) return { text: tr('analytics.refused') };
  const period = periodOf(deps, periodLabel, reader.zone);
  if (!period) return { text: tr('analytics.help') };
  const key = `${EXPORT_JOB}:${userId}:${requestKey}`;
  // The day the reader asked on is kept: a job retried after midnight exports the same `30d`.
  const today = todayIn(deps.clock.now(), reader.zone);
  await deps.scheduler.runner.startNow({
    key,
    name: EXPORT_JOB,
    payload: { userId, period: period.label, today },
  });
  return { text: tr('analytics.export.onItsWay') };
}

/** The rows of a scope's missions overlapping the period, read a page of missions at a time. */
export async function exportRows(
  deps: AnalyticsDeps,
  scope: StatScope,
  period: StatPeriod,
): Promise<string[][]> {
  const missions: StatsMission[] = [];
  for await (const m of eachStatsMission(deps.db, scope.kind === 'manager' ? scope.managerId : undefined)) {
    if (overlaps(m, period.from, period.to)) missions.push(m);
  }
  missions.sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a._id.toString().localeCompare(b._id.toString()),
  );
  const totals = await readMissionRollups(
    deps.db,
    missions.map((m) => m._id.toString()),
  );
  return missions.map((m) => csvRow(m, totals.get(m._id.toString()) ?? {}));
}

/** The export job: the scope is decided again now (a manager who lost every mission gets nothing). */
export async function runStatsExport(
  deps: AnalyticsDeps,
  payload: Record<string, unknown>,
  ctx: JobContext,
): Promise<void> {
  const parsed = exportPayload.safeParse(payload);
  if (!parsed.success) return; // Payload cleared by a finished run.
  const { userId, period: label, today } = parsed.data;
  const [scope, reader] = await Promise.all([scopeOf(deps, userId), readerOf(deps, userId)]);
  const period = parsePeriod(label, today);
  if (scope && period) {
    const tr = translator(reader.locale);
    const dates = {
      from: formatCalendarDate(period.from, reader.locale),
      to: formatCalendarDate(period.to, reader.locale),
    };
    await deps.gateway.sendFileDm(userId, {
      filename: `passerelle-stats-${period.from}-${period.to}.csv`,
      title: tr('analytics.export.fileTitle', dates),
      content: toCsv(await exportRows(deps, scope, period)),
      comment: tr('analytics.export.comment', {
        ...dates,
        min: MIN_POINTS,
        columns: CSV_COLUMNS.map((c) => `• \`${c}\` — ${tr(`analytics.export.column.${c}`)}`).join('\n'),
      }),
    });
  }
  await clearJobPayload(deps.db, ctx.key);
}
