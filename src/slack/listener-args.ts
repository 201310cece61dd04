// What Bolt hands each kind of listener (its payload helpers plus the client, logger and context),
// and the one way an action listener answers the clicker.
import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { OutgoingMessage, SlackGateway } from './gateway.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * An ephemeral answer to the user who clicked: through `respond()` when the payload has a
 * response_url (a button in a message; Bolt's respond() does not work without one, e.g. from the
 * Home or a modal), else in the channel when there is one.
 */
export async function answerClicker(
  gateway: SlackGateway,
  { body, respond }: Pick<ActionArgs, 'body' | 'respond'>,
  message: OutgoingMessage,
): Promise<void> {
  if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  else if (body.channel?.id) await gateway.sendEphemeral(body.channel.id, body.user.id, message);
}
