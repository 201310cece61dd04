import type { App } from '@slack/bolt';
import { t } from '../../../i18n/index.js';
import { type ActionArgs, answerClicker } from '../../../slack/listener-args.js';
import type { OnboardingDeps } from '../deps.js';
import { shownStateOf, TOGGLE_ITEM } from '../ids.js';
import { type ToggleOutcome, toggleItem } from './service.js';

/** Registers the item toggle: ack at once, then flip, refresh both messages, maybe complete. */
export function registerOnboardingListeners(app: App, deps: OnboardingDeps): void {
  app.action(
    { type: 'block_actions', action_id: TOGGLE_ITEM },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'button') return;
      const itemId = action.value ?? '';
      const userId = body.user.id;
      let outcome: ToggleOutcome;
      try {
        outcome = await toggleItem(deps, { itemId, userId, shown: shownStateOf(action.block_id, itemId) });
      } catch (err) {
        deps.logger.error('onboarding toggle failed', { itemId, error: String(err) });
        outcome = { kind: 'refused', reason: 'error.unexpected' };
      }
      if (outcome.kind !== 'refused') return;
      const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
      await answerClicker(deps.gateway, { body, respond }, { text: t(locale, outcome.reason) });
    },
  );
}
