import type { HomeView } from '@slack/types';
import type { Deps } from '../../deps.js';
import { translator } from '../../i18n/index.js';
import { slackErrorCode } from '../../slack/errors.js';
import { readerOf } from '../../slack/reader.js';
import { gatherHome } from './service.js';
import { homeView } from './views.js';

/** A user's Home, built from the database in their locale and zone (no Slack call but users.info). */
export async function buildHome(deps: Deps, userId: string): Promise<HomeView> {
  const reader = await readerOf(deps, userId);
  const data = await gatherHome(deps, reader);
  return homeView(translator(reader.locale), data);
}

/** Builds and publishes a user's Home. */
export async function publishHomeOf(deps: Deps, userId: string): Promise<void> {
  await deps.gateway.publishHome(userId, await buildHome(deps, userId));
}

/**
 * Republishes the Homes of everyone a change concerns, each on its own: one user Slack refuses
 * (deleted, unknown) is logged and does not keep the others stale.
 */
export async function refreshHomes(deps: Deps, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  const results = await Promise.allSettled(unique.map((id) => publishHomeOf(deps, id)));
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      deps.logger.warn('could not refresh a Home', { userId: unique[i], error: slackErrorCode(r.reason) });
    }
  });
}
