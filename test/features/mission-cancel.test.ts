import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import {
  missionStartWorld,
  newViewId,
  startedMission,
  submitMissionForm,
  textOf,
} from '../support/mission-form.js';

describe('an admin cancels a mission', () => {
  const harness = harnessPerFile('mission_cancel', { now: new Date('2026-01-05T08:00:00Z') });

  it('lets an admin cancel a mission from its menu, keeps it in the history and tells both sides; others are refused', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const viewId = newViewId('CANCEL');
    await submitMissionForm(h, w, {}, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);
    // The menu sits on the manager's confirmation message.
    const confirmation = h.standin.messagesTo(w.manager)[0];
    if (!confirmation) throw new Error('no confirmation');
    const menu = (userId: string) =>
      h.slack.sendBlockAction({
        userId,
        channelId: confirmation.channel,
        message: { ts: confirmation.ts },
        actions: [
          {
            type: 'overflow',
            action_id: 'missions.admin.menu',
            block_id: 'b1',
            selected_option: { value: `cancel:${missionId}`, text: { type: 'plain_text', text: 'Cancel' } },
          },
        ],
      });
    const refused = await menu(w.manager);
    expect(refused.status).toBe(200);
    const answersTo = (url: string | undefined) =>
      h.standin.responses.filter((r) => url?.endsWith(`/${r.id}`));
    await eventually(() =>
      expect(JSON.stringify(answersTo(refused.responseUrl).at(-1)?.body)).toContain('Only Passerelle admins'),
    );

    const click = await menu(ADMIN_ID);
    const open = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === click.triggerId);
      if (!call) throw new Error(`no modal opened with the admin's trigger ${click.triggerId} yet`);
      return call;
    });
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('missions.admin.cancel');
    const res = await h.slack.sendViewSubmission({
      userId: ADMIN_ID,
      applyAck: false,
      view: {
        id: newViewId('CANCELV'),
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: {} },
      },
    });
    expect(res.body).toBe('');
    const cancelled = await eventually(async () => {
      const m = await missionModel(h.db).findById(missionId).lean();
      if (m?.status !== 'cancelled') throw new Error(`mission still ${m?.status}`);
      return m;
    });
    expect(cancelled.history.at(-1)).toMatchObject({
      action: 'cancel',
      by: ADMIN_ID,
      from: 'onboarding',
      to: 'cancelled',
    });
    await eventually(() => {
      expect(textOf(h.standin.messagesTo(w.freelancer).at(-1))).toContain(`a été annulée par <@${ADMIN_ID}>`);
      expect(textOf(h.standin.messagesTo(w.manager).at(-1))).toContain(`was cancelled by <@${ADMIN_ID}>`);
    });
  });
});
