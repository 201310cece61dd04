import type { App } from '@slack/bolt';
import { t } from '../../i18n/index.js';
import type { ActionArgs } from '../../slack/listener-args.js';
import { readerOf } from '../../slack/reader.js';
import type { ReengagementDeps } from './deps.js';
import {
  AVAILABLE_ACTION,
  NOT_NOW_ACTION,
  PROPOSE_ACTION,
  SNOOZE_ACTION,
  STOP_ACTION,
  STOP_ASKING_ACTION,
} from './ids.js';
import { availableFrom, nudgeValue } from './input.js';
import { nudgeSubject, queueReengagementRefresh } from './messages.js';
import { answerNudge, answerPing, workspaceToday } from './service.js';
import { nudgeAnswered, pingAnswered } from './views.js';

const nudgeChoices = {
  [PROPOSE_ACTION]: 'propose',
  [SNOOZE_ACTION]: 'snooze',
  [STOP_ACTION]: 'stop',
} as const;

/** The nudge's buttons (manager or admin only) and the ping's answers (about the clicker only). */
export function registerReengagementListeners(app: App, deps: ReengagementDeps): void {
  for (const [actionId, choice] of Object.entries(nudgeChoices)) {
    app.action(
      { type: 'block_actions', action_id: actionId },
      async ({ ack, body, action, respond }: ActionArgs) => {
        await ack();
        if (action.type !== 'button') return;
        const userId = body.user.id;
        const reader = await readerOf(deps, userId);
        const { locale } = reader;
        const missionId = nudgeValue.safeParse(action.value);
        const outcome = missionId.success
          ? await answerNudge(deps, missionId.data, userId, choice)
          : undefined;
        if (!outcome || outcome.kind === 'refused') {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: t(locale, 'reengagement.refused'),
          });
          return;
        }
        const { plan } = outcome;
        // The trigger_id lives 3 s: the modal opens before the message is touched.
        if (choice === 'propose') {
          await deps.proposeMission({
            triggerId: body.trigger_id,
            userId,
            prefill: { freelancerId: plan.freelancerId, skills: plan.skills },
          });
        }
        const done = choice === 'propose' ? 'proposed' : choice === 'snooze' ? 'snoozed' : 'stopped';
        await respond({ replace_original: true, ...nudgeAnswered(done, plan, reader, outcome.until) });
        // After the answer (and the modal, whose trigger is short-lived): the other nudges follow.
        await queueReengagementRefresh(deps, nudgeSubject(plan.missionId));
      },
    );
  }

  app.action(
    { type: 'block_actions', action_id: AVAILABLE_ACTION },
    async ({ ack, body, action, respond }: ActionArgs) => {
      await ack();
      if (action.type !== 'datepicker') return;
      const userId = body.user.id;
      const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
      const from = availableFrom.safeParse(action.selected_date);
      if (!from.success || from.data < workspaceToday(deps)) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: t(locale, 'reengagement.ping.badDate'),
        });
        return;
      }
      await answerPing(deps, userId, { kind: 'available', from: from.data });
      await respond({
        replace_original: true,
        ...pingAnswered({ kind: 'available', from: from.data }, locale),
      });
    },
  );

  for (const [actionId, kind] of [
    [NOT_NOW_ACTION, 'notNow'],
    [STOP_ASKING_ACTION, 'stop'],
  ] as const) {
    app.action({ type: 'block_actions', action_id: actionId }, async ({ ack, body, respond }: ActionArgs) => {
      await ack();
      const userId = body.user.id;
      const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
      await answerPing(deps, userId, { kind });
      await respond({ replace_original: true, ...pingAnswered({ kind }, locale) });
    });
  }
}
