import type { App } from '@slack/bolt';
import { type ActionArgs, answerClicker, type CommandArgs } from '../../slack/listener-args.js';
import type { AnalyticsDeps } from './deps.js';
import { requestStatsExport } from './export/service.js';
import { EXPORT_CSV, STATS_COMMAND } from './ids.js';
import { statsAnswer } from './summary/service.js';

/** `/mission-stats [period]` and its "Export CSV" button. */
export function registerAnalyticsListeners(app: App, deps: AnalyticsDeps): void {
  app.command(STATS_COMMAND, async ({ ack, command, respond }: CommandArgs) => {
    await ack();
    const message = await statsAnswer(deps, command.user_id, command.text);
    await respond({ response_type: 'ephemeral', ...message });
  });

  app.action(EXPORT_CSV, async ({ ack, body, action, respond }: ActionArgs) => {
    await ack();
    const period = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const requestKey = 'action_ts' in action ? String(action.action_ts) : body.trigger_id;
    const message = await requestStatsExport(deps, body.user.id, period, requestKey);
    await answerClicker(deps.gateway, { body, respond }, message);
  });
}
