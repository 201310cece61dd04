/** The Block Kit limits the stand-in checks payloads against (SLACK.md). */
import { describe, expect, it } from 'vitest';
import { checkBlocks, checkView } from '../support/block-kit-limits.js';

describe('block-kit-limits', () => {
  it('reports element limits with JSON pointers', () => {
    const button = (id: string) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: 'b'.repeat(76) },
    });
    const issues = checkBlocks(
      [{ type: 'actions', block_id: 'x', elements: [button('a'), button('a')] }],
      'message',
    );
    expect(issues).toEqual([
      { pointer: '/blocks/0/elements/0/text/text', message: 'must be less than 76 characters' },
      { pointer: '/blocks/0/elements/1/text/text', message: 'must be less than 76 characters' },
      { pointer: '/blocks/0/elements/1/action_id', message: 'duplicate action_id: a' },
    ]);
    const overflow = { type: 'overflow', action_id: 'o', options: [] };
    expect(
      checkBlocks([{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: overflow }], 'modal'),
    ).toEqual([{ pointer: '/blocks/0/accessory/options', message: 'must provide at least 1 items' }]);
    const home = {
      type: 'home',
      close: { type: 'plain_text', text: 'x' },
      blocks: [],
      private_metadata: 'm'.repeat(3001),
    };
    expect(checkView(home).map((i) => i.pointer)).toEqual(['/view/close', '/view/private_metadata']);
  });
});
