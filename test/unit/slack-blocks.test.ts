import { describe, expect, it } from 'vitest';
import { proposalMessage } from '../../src/features/offboarding/start/views.js';
import { translator } from '../../src/i18n/index.js';
import { button, buttonRow } from '../../src/slack/blocks.js';

describe('the Block Kit button helpers', () => {
  it('builds a button, its label cut to 75 characters, primary only when asked', () => {
    expect(button('Go', 'x.go', 'v1')).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Go' },
      action_id: 'x.go',
      value: 'v1',
    });
    const long = button('a'.repeat(80), 'x.long', 'v', 'primary');
    expect(long.style).toBe('primary');
    expect(long.text.text).toHaveLength(75);
    expect(long.text.text.endsWith('…')).toBe(true);
  });

  it('puts buttons in one actions block, at most 25', () => {
    const many = Array.from({ length: 30 }, (_, i) => button(String(i), `x.${i}`, String(i)));
    const row = buttonRow('x.row', ...many);
    expect(row).toMatchObject({ type: 'actions', block_id: 'x.row' });
    expect(row.elements).toHaveLength(25);
  });

  it('is the row of the offboarding proposal: start (primary) and change the end date', () => {
    const mission = {
      _id: 'a'.repeat(24),
      title: 'Audit',
      freelancerId: 'UFREE',
      endDate: '2026-04-29',
    } as unknown as Parameters<typeof proposalMessage>[1];
    const tr = translator('en');
    const blocks = proposalMessage(tr, mission, 'en').blocks ?? [];
    expect(blocks[1]).toEqual(
      buttonRow(
        'offboarding.proposal',
        button(tr('offboarding.proposal.start'), 'offboarding.start', 'a'.repeat(24), 'primary'),
        button(tr('offboarding.proposal.changeEnd'), 'offboarding.changeEnd', 'a'.repeat(24)),
      ),
    );
  });
});
