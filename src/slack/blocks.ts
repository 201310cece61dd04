import type { ActionsBlock, Button } from '@slack/types';
import { truncate } from './mrkdwn.js';

/** A button: its label cut to Slack's 75 characters, its action_id and value, primary or plain. */
export function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, 75) },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** A row of buttons (an `actions` block; Slack allows at most 25 elements in one). */
export function buttonRow(blockId: string, ...buttons: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: buttons.slice(0, 25) };
}
