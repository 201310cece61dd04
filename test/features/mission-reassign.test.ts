import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { missionStartWorld, newViewId, startedMission, submitMissionForm } from '../support/mission-form.js';
import { newPerson } from '../support/people.js';

/** The admin's reassign modal of a mission, opened from the overflow menu of the manager's confirmation. */
async function openReassign(h: Harness, manager: string, missionId: string) {
  const confirmation = h.standin.messagesTo(manager)[0];
  if (!confirmation) throw new Error('no confirmation');
  const click = await h.slack.sendBlockAction({
    userId: ADMIN_ID,
    channelId: confirmation.channel,
    message: { ts: confirmation.ts },
    actions: [
      {
        type: 'overflow',
        action_id: 'missions.admin.menu',
        block_id: 'b1',
        selected_option: { value: `reassign:${missionId}`, text: { type: 'plain_text', text: 'Reassign' } },
      },
    ],
  });
  return eventually(() => {
    const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === click.triggerId);
    if (!call) throw new Error(`no modal opened with the admin's trigger ${click.triggerId} yet`);
    return call.args.view as { callback_id: string; private_metadata: string };
  });
}

function submit(h: Harness, view: { callback_id: string; private_metadata: string }, selected: unknown) {
  return h.slack.sendViewSubmission({
    userId: ADMIN_ID,
    applyAck: false,
    view: {
      id: newViewId('REASSIGNV'),
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: { manager: { manager: { type: 'users_select', selected_user: selected } } } },
    },
  });
}

describe('an admin reassigns a mission’s manager', () => {
  const harness = harnessPerFile('mission_reassign', { now: new Date('2026-01-05T08:00:00Z') });

  it('answers an invalid user inline (zod) and stores nothing; a valid one reassigns', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const viewId = newViewId('REASSIGN');
    await submitMissionForm(h, w, {}, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);
    const view = await openReassign(h, w.manager, missionId);
    expect(view.callback_id).toBe('missions.admin.reassign');

    for (const bad of ['not-a-user', 'U1; DROP', 'u0lowercase']) {
      const res = await submit(h, view, bad);
      expect(res.json(), `the answer to ${bad}`).toMatchObject({
        response_action: 'errors',
        errors: { manager: expect.any(String) },
      });
    }
    // Not even a string: refused before anything (the view state itself does not parse).
    expect((await submit(h, view, { $ne: null })).body).not.toBe('');
    expect((await missionModel(h.db).findById(missionId).lean())?.managerId).toBe(w.manager);

    const next = newPerson(h, 'NEWMGR', { locale: 'en-US' });
    expect((await submit(h, view, next)).body).toBe('');
    await eventually(async () =>
      expect((await missionModel(h.db).findById(missionId).lean())?.managerId).toBe(next),
    );
  });
});
