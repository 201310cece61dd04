import type { Feature } from '../feature.js';
import type { Subcommand } from '../help/index.js';
import type { PrivacyDeps } from './deps.js';
import { parsePrivacyCommand } from './input.js';
import { privacyJobs, subscribePrivacy } from './jobs.js';
import { registerPrivacyListeners } from './listeners.js';
import { erasureUsage, openErasure, requestExport } from './service.js';

export type { NamedPersonalData, PrivacyDeps } from './deps.js';
export { KEPT_BY_PURGE } from './ids.js';
export { documentCounts } from './repository.js';
export { personHasher, purgeWorkspace } from './service.js';

/**
 * Data protection (PRODUCT.md flow 10): a person's data export and erasure across every feature's
 * `personalData`, the erasure Slack asks for (`is_forgotten`), the stop on uninstall, the audit trail.
 */
export function createPrivacyFeature(deps: PrivacyDeps): Feature {
  return {
    name: 'privacy',
    listeners: (app) => registerPrivacyListeners(app, deps),
    jobs: privacyJobs(deps),
    subscriptions: (events) => subscribePrivacy(deps, events),
  };
}

/** `/passerelle my-data`, `erase-me`, `erase @user`. */
export function privacySubcommand(deps: PrivacyDeps): Subcommand {
  return {
    match(words) {
      const cmd = parsePrivacyCommand(words);
      if (!cmd) return undefined;
      return async (userId, { triggerId }) => {
        switch (cmd.kind) {
          case 'export':
            return requestExport(deps, userId, triggerId);
          case 'eraseSelf':
            return openErasure(deps, userId, userId, triggerId);
          case 'eraseOther':
            return openErasure(deps, userId, cmd.userId, triggerId);
          case 'eraseUsage':
            return erasureUsage(deps, userId);
        }
      };
    },
  };
}
