import type { HomeView, KnownBlock } from '@slack/types';
import { translator } from '../../i18n/index.js';
import { isAdmin } from '../../roles.js';
import { slackErrorCode } from '../../slack/errors.js';
import { type Reader, readerOf } from '../../slack/reader.js';
import { adminStatsHome } from '../analytics/index.js';
import { type HomeCheckins, healthOfManaged, homeCheckinsOf, type MissionHealth } from '../checkins/index.js';
import { communityHome } from '../community/index.js';
import {
  emptyCounts,
  isOpen,
  type ListedMission,
  listedMissionsManagedBy,
  listedMissionsOfFreelancer,
  type MissionStatus,
  missionCountsByStatus,
  type StatusCounts,
} from '../missions/index.js';
import { type OffboardingTodo, offboardingTodosOf } from '../offboarding/index.js';
import {
  type ChecklistItemView,
  onboardingOf,
  openItemsAmong,
  type RowOnboarding,
} from '../onboarding/index.js';
import { homeProfileSection } from '../talent/index.js';
import type { HomeDeps } from './deps.js';
import { homeView } from './views.js';

/**
 * How many rows each part of the Home lists. With the fixed blocks around them the Home stays
 * well under Slack's 100 blocks (views.ts also cuts at 100 as a last guard).
 */
export const HOME_LIMITS = { currentMissions: 10, items: 15, managedMissions: 15, completed: 5 } as const;
/** Rows of `/missions`: an ephemeral message holds at most 50 blocks. */
export const LIST_LIMIT = 20;

/** A mission as a list shows it, from one side: `otherUserId` is the manager or the freelancer. */
export interface MissionRow {
  id: string;
  title: string;
  status: MissionStatus;
  startDate: string;
  endDate: string;
  otherUserId: string;
  onboarding: RowOnboarding;
  /** The latest check-in answer, as the manager may see it (manager rows of the Home only). */
  health?: MissionHealth;
}

/** Everything one person's Home shows; a part is absent when the reader has no such role. */
export interface HomeData {
  reader: Reader;
  freelancer?: {
    current: MissionRow[];
    moreCurrent: number;
    checkins: HomeCheckins;
    completed: CompletedRows;
  };
  items: { shown: ChecklistItemView[]; more: number };
  /** Offboarding to-dos (feedback, handover items, evaluations): what is left, never what was written. */
  offboarding: OffboardingTodo[];
  manager?: {
    total: number;
    counts: StatusCounts;
    open: MissionRow[];
    moreOpen: number;
    completed: CompletedRows;
  };
  /** The freelancer's talent profile and its edit button (talent's blocks). */
  talentProfile?: KnownBlock[];
  workspace?: { total: number; counts: StatusCounts };
  /** The community part (community events' own blocks, at most four). */
  community?: KnownBlock[];
  /** The admin's 30-day mission stats (analytics' own blocks, five). */
  stats?: KnownBlock[];
}

/** Completed missions, most recently ended first (the first few), and how many there are in all. */
export interface CompletedRows {
  rows: MissionRow[];
  total: number;
}

/** The missions of `/missions`, per role, each list capped with the number left out. */
export interface MissionListData {
  reader: Reader;
  managed: { rows: MissionRow[]; total: number };
  freelancing: { rows: MissionRow[]; total: number };
}

/**
 * Gathers a person's Home. Every query a user waits for here is an equality on an indexed field
 * (managerId, freelancerId, ownerId, missionId), the only kind FerretDB pushes down; open/closed
 * is filtered in memory rather than with `$in`, which FerretDB runs as a scan. Progress is read
 * only for the rows shown (onboarding's `onboardingOf`), never for all of a manager's missions.
 */
export async function gatherHome(deps: HomeDeps, reader: Reader): Promise<HomeData> {
  const admin = isAdmin(deps.config, reader.userId);
  const [managed, freelancing, workspaceCounts] = await Promise.all([
    listedMissionsManagedBy(deps.db, reader.userId),
    listedMissionsOfFreelancer(deps.db, reader.userId),
    admin ? missionCountsByStatus(deps.db) : Promise.resolve(undefined),
  ]);
  const current = freelancing.filter((m) => isOpen(m.status));
  const managedOpen = managed.filter((m) => isOpen(m.status));
  const shownCurrent = current.slice(0, HOME_LIMITS.currentMissions);
  const shownManaged = managedOpen.slice(0, HOME_LIMITS.managedMissions);
  // Independent reads, at once: the user waits for the slowest, not for their sum.
  const [items, progress, checkins, health, offboarding] = await Promise.all([
    openItemsAmong(deps, reader.userId, reader.locale, [...managed, ...freelancing]),
    onboardingOf(deps, [...shownCurrent, ...shownManaged]),
    current.length > 0 ? homeCheckinsOf(deps.db, reader.userId, deps.clock.now()) : Promise.resolve({}),
    shownManaged.length > 0
      ? healthOfManaged(deps.db, reader.userId)
      : Promise.resolve(new Map<string, MissionHealth>()),
    offboardingTodosOf(deps.db, reader.userId),
  ]);

  const data: HomeData = {
    reader,
    offboarding,
    items: { shown: items.slice(0, HOME_LIMITS.items), more: Math.max(0, items.length - HOME_LIMITS.items) },
  };
  if (freelancing.length > 0) {
    data.freelancer = {
      current: shownCurrent.map((m) => toRow(m, m.managerId, progress)),
      moreCurrent: current.length - shownCurrent.length,
      checkins,
      completed: completedRows(freelancing, (m) => m.managerId),
    };
  }
  if (managed.length > 0) {
    data.manager = {
      total: managed.length,
      counts: countByStatus(managed),
      open: shownManaged.map((m) => {
        const row = toRow(m, m.freelancerId, progress);
        const h = health.get(row.id);
        return h ? { ...row, health: h } : row;
      }),
      moreOpen: managedOpen.length - shownManaged.length,
      completed: completedRows(managed, (m) => m.freelancerId),
    };
  }
  data.community = await communityHome(deps, reader);
  if (workspaceCounts) {
    const total = Object.values(workspaceCounts).reduce((a, b) => a + b, 0);
    data.workspace = { total, counts: workspaceCounts };
    data.stats = await adminStatsHome(deps, reader);
  }
  return data;
}

/**
 * Gathers `/missions`: both roles, open missions first then newest, at most LIST_LIMIT rows in
 * all. The freelancer side (a few missions at most) keeps half the rows when the manager side is
 * long, so neither hides the other.
 */
export async function gatherMissionList(deps: HomeDeps, reader: Reader): Promise<MissionListData> {
  const [managed, freelancing] = await Promise.all([
    listedMissionsManagedBy(deps.db, reader.userId),
    listedMissionsOfFreelancer(deps.db, reader.userId),
  ]);
  const freelancerCap = Math.min(freelancing.length, Math.max(LIST_LIMIT - managed.length, LIST_LIMIT / 2));
  const shownFreelancing = openFirst(freelancing).slice(0, freelancerCap);
  const shownManaged = openFirst(managed).slice(0, LIST_LIMIT - shownFreelancing.length);
  const progress = await onboardingOf(deps, [...shownFreelancing, ...shownManaged]);
  return {
    reader,
    managed: {
      rows: shownManaged.map((m) => toRow(m, m.freelancerId, progress)),
      total: managed.length,
    },
    freelancing: {
      rows: shownFreelancing.map((m) => toRow(m, m.managerId, progress)),
      total: freelancing.length,
    },
  };
}

function idOf(m: ListedMission): string {
  return m._id.toString();
}

function toRow(m: ListedMission, otherUserId: string, progress: Map<string, RowOnboarding>): MissionRow {
  const id = idOf(m);
  return {
    id,
    title: m.title,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    otherUserId,
    onboarding: progress.get(id),
  };
}

function countByStatus(missions: readonly ListedMission[]): StatusCounts {
  const counts = emptyCounts();
  for (const m of missions) counts[m.status] += 1;
  return counts;
}

/** The completed missions among `missions`, ended last first, the first HOME_LIMITS.completed as rows. */
function completedRows(
  missions: readonly ListedMission[],
  other: (m: ListedMission) => string,
): CompletedRows {
  const completed = missions.filter((m) => m.status === 'completed').sort(latestEndFirst);
  const rows = completed.slice(0, HOME_LIMITS.completed).map((m) => toRow(m, other(m), new Map()));
  return { rows, total: completed.length };
}

function latestEndFirst(a: ListedMission, b: ListedMission): number {
  return b.endDate.localeCompare(a.endDate);
}

/**
 * Open missions first, in the repository's newest-first order (stable sort); then the closed ones,
 * the most recently ended first.
 */
function openFirst(missions: readonly ListedMission[]): ListedMission[] {
  return [...missions].sort((a, b) => {
    const open = Number(isOpen(b.status)) - Number(isOpen(a.status));
    if (open !== 0 || isOpen(a.status)) return open;
    return latestEndFirst(a, b);
  });
}

/** A user's Home, built from the database in their locale and zone (no Slack call but users.info). */
export async function buildHome(deps: HomeDeps, userId: string): Promise<HomeView> {
  const reader = await readerOf(deps, userId);
  const data = await gatherHome(deps, reader);
  const talentProfile = await homeProfileSection(deps, reader);
  if (talentProfile.length > 0) data.talentProfile = talentProfile;
  return homeView(translator(reader.locale), data);
}

/** Builds and publishes a user's Home. */
export async function publishHomeOf(deps: HomeDeps, userId: string): Promise<void> {
  await deps.gateway.publishHome(userId, await buildHome(deps, userId));
}

/**
 * Republishes the Homes of everyone a change concerns, each on its own: one user Slack refuses
 * (deleted, unknown) is logged and does not keep the others stale.
 */
export async function refreshHomes(deps: HomeDeps, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  const results = await Promise.allSettled(unique.map((id) => publishHomeOf(deps, id)));
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      deps.logger.warn('could not refresh a Home', { userId: unique[i], error: slackErrorCode(r.reason) });
    }
  });
}
