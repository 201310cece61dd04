import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Deps } from '../../../deps.js';
import { translator } from '../../../i18n/index.js';
import { isAdmin } from '../../../roles.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { type Reader, readerOf } from '../../../slack/reader.js';
import { countActiveMissions, managesAnyMission } from '../../missions/index.js';
import type { AnalyticsDeps } from '../deps.js';
import { appliedAt } from '../rollups/applier.js';
import type { PersonHash, StatScope } from '../rollups/keys.js';
import { readScopeRollup } from '../rollups/read.js';
import { parsePeriod, type StatPeriod, todayIn } from './input.js';
import { type StatSummary, summarize } from './rules.js';
import { type SummaryView, statsMessage, summaryBlocks } from './views.js';

type ReadDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Whose figures a reader sees: admins the workspace, managers their own missions, others none. */
export async function scopeOf(deps: ReadDeps, userId: string): Promise<StatScope | null> {
  if (isAdmin(deps.config, userId)) return { kind: 'workspace' };
  if (await managesAnyMission(deps.db, userId)) return { kind: 'manager', managerId: userId };
  return null;
}

/**
 * The period of a command's text, today being the reader's calendar day in their zone (`30d` read
 * at 23:15 UTC ends on the 7th in New York and on the 8th in Paris, as each reader's own today).
 */
export function periodOf(deps: ReadDeps, text: string, zone: string): StatPeriod | null {
  return parsePeriod(text, todayIn(deps.clock.now(), zone));
}

/** The summary of one scope over a period: the rollups (one read per year) and the active count. */
export async function statsSummary(
  deps: ReadDeps,
  scope: StatScope,
  period: StatPeriod,
  hash: PersonHash,
  zone: string,
): Promise<StatSummary> {
  const today = todayIn(deps.clock.now(), zone);
  // The workspace's figures hold the community events: read on a year past today for those to come.
  const until = scope.kind === 'workspace' ? laterOf(period.to, yearAfter(today)) : period.to;
  const [rollup, activeMissions] = await Promise.all([
    readScopeRollup(deps.db, scope, period.from, until, hash),
    countActiveMissions(deps.db, scope.kind === 'manager' ? scope.managerId : undefined),
  ]);
  return summarize({
    rollup,
    period,
    activeMissions,
    hrMinPeople: deps.config.statsHrMinPeople,
    today,
  });
}

function yearAfter(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ years: 1 }).toISODate() ?? day;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** `/mission-stats [period]`: the reader's figures, the help for a bad period, or a polite refusal. */
export async function statsAnswer(
  deps: AnalyticsDeps,
  userId: string,
  text: string,
): Promise<OutgoingMessage> {
  const [reader, scope] = await Promise.all([readerOf(deps, userId, 1_000), scopeOf(deps, userId)]);
  const tr = translator(reader.locale);
  if (!scope) return { text: tr('analytics.refused') };
  const period = periodOf(deps, text, reader.zone);
  if (!period) return { text: tr('analytics.help') };
  const [summary, asOf] = await Promise.all([
    statsSummary(deps, scope, period, await deps.personHash(), reader.zone),
    appliedAt(deps.db),
  ]);
  const view = viewFor(deps, reader, asOf);
  return statsMessage(view, scope.kind, period, summary);
}

/** How the figures are written for `reader`, as of `asOf`. */
function viewFor(deps: ReadDeps, reader: Reader, asOf: Date | null): SummaryView {
  return {
    tr: translator(reader.locale),
    locale: reader.locale,
    zone: reader.zone,
    hrMinPeople: deps.config.statsHrMinPeople,
    asOf,
    now: deps.clock.now(),
  };
}

// The workspace scope is named without any person: the Home needs no person hash.
const noHash: PersonHash = () => {
  throw new Error('the workspace scope names no person');
};

/** The admin Home's section: the workspace's 30-day summary (empty for anyone else). */
export async function adminStatsHome(deps: ReadDeps, reader: Reader): Promise<KnownBlock[]> {
  if (!isAdmin(deps.config, reader.userId)) return [];
  const period = periodOf(deps, '30d', reader.zone);
  if (!period) return [];
  const [summary, asOf] = await Promise.all([
    statsSummary(deps, { kind: 'workspace' }, period, noHash, reader.zone),
    appliedAt(deps.db),
  ]);
  const view = viewFor(deps, reader, asOf);
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: view.tr('analytics.home.header') } },
    ...summaryBlocks(view, summary, 'workspace'),
  ];
}
