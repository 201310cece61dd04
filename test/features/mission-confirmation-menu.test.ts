import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { missionStartWorld, newViewId, startedMission, submitMissionForm } from '../support/mission-form.js';

const menuIn = (blocks: unknown) => JSON.stringify(blocks ?? []).includes('missions.admin.menu');

describe("the admin ⋯ menu on the manager's confirmation", () => {
  const harness = harnessPerTest('mission_confmenu', { now: new Date('2026-01-05T08:00:00Z') });

  it('goes once the mission is cancelled (an admin who manages it)', async () => {
    const h = harness();
    // The manager is an admin: their confirmation carries the menu.
    const w = { ...missionStartWorld(h), manager: ADMIN_ID };
    const viewId = newViewId('CONFMENU');
    await submitMissionForm(h, w, {}, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);
    const confirmation = await eventually(() => {
      const m = h.standin.messagesTo(ADMIN_ID).find((x) => menuIn(x.blocks));
      if (!m) throw new Error('no confirmation with the menu');
      return m;
    });
    const click = await h.slack.sendBlockAction({
      userId: ADMIN_ID,
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
    const open = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === click.triggerId);
      if (!call) throw new Error('no cancel modal yet');
      return call;
    });
    const view = open.args.view as { callback_id: string; private_metadata: string };
    await h.slack.sendViewSubmission({
      userId: ADMIN_ID,
      applyAck: false,
      view: {
        id: newViewId('CONFMENUV'),
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: {} },
      },
    });
    await eventually(async () =>
      expect((await missionModel(h.db).findById(missionId).lean())?.status).toBe('cancelled'),
    );
    await eventually(() => {
      const now = h.standin.message(confirmation.channel, confirmation.ts);
      expect(menuIn(now?.blocks)).toBe(false);
      expect(JSON.stringify(now?.blocks)).toContain('Mission started');
    });
  });
});
