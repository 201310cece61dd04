/** The stand-in's views: modals by trigger, updates by hash, Homes. */
import { describe, expect, it } from 'vitest';
import { modal, slackError, standinFixture } from './fixture.js';

const fx = standinFixture();
const { standin, client } = fx;

describe('views', () => {
  it('opens a modal once per trigger and rejects used, unknown and expired triggers', async () => {
    const c = client();
    const trigger = standin.newTriggerId({ userId: 'U1ALICE' });
    const opened = await c.views.open({ trigger_id: trigger, view: modal() });
    expect(opened.view?.id).toMatch(/^V/);
    expect(standin.openModals('U1ALICE')).toHaveLength(1);
    expect((await slackError(c.views.open({ trigger_id: trigger, view: modal() }))).error).toBe(
      'exchanged_trigger_id',
    );
    expect((await slackError(c.views.open({ trigger_id: '1.2.3', view: modal() }))).error).toBe(
      'invalid_trigger_id',
    );
    fx.freeze();
    const old = standin.newTriggerId();
    fx.setNow(fx.nowMs + 3001);
    expect((await slackError(c.views.open({ trigger_id: old, view: modal() }))).error).toBe(
      'expired_trigger_id',
    );
  });

  it('checks hash on views.update and keeps the view id', async () => {
    const c = client();
    const opened = await c.views.open({ trigger_id: standin.newTriggerId(), view: modal() });
    const id = opened.view?.id ?? '';
    const updated = await c.views.update({
      view_id: id,
      hash: opened.view?.hash ?? '',
      view: modal('Step 2'),
    });
    expect(updated.view?.id).toBe(id);
    const stale = await slackError(
      c.views.update({ view_id: id, hash: opened.view?.hash ?? '', view: modal() }),
    );
    expect(stale.error).toBe('hash_conflict');
    standin.closeView(id);
    expect((await slackError(c.views.update({ view_id: id, view: modal() }))).error).toBe('not_found');
  });

  it('rejects a 25-character modal title and an input modal without submit', async () => {
    const c = client();
    const long = await slackError(
      c.views.open({ trigger_id: standin.newTriggerId(), view: modal('x'.repeat(25)) }),
    );
    expect(long.error).toBe('invalid_arguments');
    expect(long.response_metadata).toEqual({
      messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
    });
    const input = {
      ...modal(),
      blocks: [
        {
          type: 'input' as const,
          block_id: 'b',
          label: { type: 'plain_text' as const, text: 'Name' },
          element: { type: 'plain_text_input' as const, action_id: 'a' },
        },
      ],
    };
    const noSubmit = await slackError(c.views.open({ trigger_id: standin.newTriggerId(), view: input }));
    expect(noSubmit.error).toBe('invalid_arguments');
  });

  it('keeps the latest published Home per user and forbids submit there', async () => {
    const c = client();
    const home = { type: 'home' as const, blocks: [{ type: 'divider' as const }] };
    await c.views.publish({ user_id: 'U1ALICE', view: home });
    await c.views.publish({ user_id: 'U1ALICE', view: { ...home, blocks: [] } });
    expect(standin.home('U1ALICE')?.blocks).toEqual([]);
    const bad = { ...home, submit: { type: 'plain_text' as const, text: 'Go' } };
    expect((await slackError(c.views.publish({ user_id: 'U1ALICE', view: bad }))).error).toBe(
      'invalid_arguments',
    );
  });
});
