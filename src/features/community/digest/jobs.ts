import type { JobContext } from '../../../scheduler/runner.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { DIGEST_JOB } from '../ids.js';
import { upcomingEvents } from '../repository.js';
import { digestSlotOfWeek } from '../rules.js';
import { digestMessage } from './views.js';

const DAY = 24 * 3_600_000;

/**
 * The pass: once this week's slot has come (and for a day after, to catch up after downtime),
 * queues the week's digest job. The job key is the week: exactly one digest a week, whoever queues it.
 */
export async function planDigest(deps: Deps, now: Date): Promise<string | undefined> {
  const slot = deps.config.communityDigest;
  if (!slot || !deps.config.communityChannelId) return undefined;
  const { at, week } = digestSlotOfWeek(now, slot, deps.config.defaultTimezone);
  if (now < at || now.getTime() >= at.getTime() + DAY) return undefined;
  const queued = await deps.scheduler.runner.enqueue({
    key: `${DIGEST_JOB}:${week}`,
    name: DIGEST_JOB,
    runAt: at,
    payload: { since: new Date(at.getTime() - 7 * DAY).toISOString() },
  });
  return queued ? `digest of ${week} queued` : undefined;
}

/** The job: upcoming events (two weeks) and the pool's newcomers since last week; nothing posted when both are empty. */
export async function postDigest(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
) {
  const channel = deps.config.communityChannelId;
  if (!channel) return;
  const since = new Date(String(payload.since ?? ''));
  const events = await upcomingEvents(deps.db, ctx.now, new Date(ctx.now.getTime() + 14 * DAY));
  const members = deps.poolMembers && !Number.isNaN(since.getTime()) ? await deps.poolMembers(since) : [];
  if (events.length === 0 && members.length === 0) return;
  await deps.dispatcher.sendForJob(
    ctx.key,
    { to: channel, message: digestMessage(events, members, deps.config.defaultLocale) },
    { signal: deps.scheduler.stopSignal },
  );
}
