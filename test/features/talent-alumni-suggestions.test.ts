import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { missionStartWorld, startedMission, values } from '../support/mission-form.js';
import { newPerson } from '../support/people.js';
import { seedProfile } from '../support/talent.js';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  element?: Record<string, unknown>;
  accessory?: { action_id: string; value: string };
};

describe('/mission-start suggests alumni', () => {
  const harness = harnessPerFile('talentalumni', { now: new Date('2026-01-05T08:00:00Z') });

  it('suggests matching alumni once skills are typed, picking one fills the freelancer, and the mission is created with them', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    // Unique skills so the file's other data cannot match.
    const best = await seedProfile(
      h,
      'ELIX1',
      { skills: ['Elixir', 'Phoenix'], ratings: [5, 5] },
      newPerson(h, 'ELIX1', { locale: 'fr-FR', tz: 'Europe/Paris' }),
    );
    const second = await seedProfile(h, 'ELIX2', { skills: ['elixir'], ratings: [4] }, newPerson(h, 'ELIX2'));
    const newcomer = await seedProfile(h, 'ELIX3', { skills: ['elixir', 'phoenix'] }); // no mission: not an alumnus
    const out = await seedProfile(h, 'ELIX4', {
      skills: ['elixir', 'phoenix'],
      ratings: [5],
      optedOut: true,
    });

    const cmd = await h.slack.sendCommand({ command: '/mission-start', text: '', userId: w.manager });
    const opened = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === cmd.triggerId && c.ok);
      if (!call) throw new Error('no views.open yet');
      return h.standin.openModals(w.manager).at(-1);
    });
    if (!opened) throw new Error('no modal open');
    const skillsBlock = (opened.view.blocks as Block[]).find((b) => b.block_id === 'skills') as Block & {
      dispatch_action?: boolean;
    };
    expect(skillsBlock.dispatch_action).toBe(true);

    // The manager typed a title, then skills (Slack sends the input's block_action with the view's state).
    const typed = values(w, { freelancer: undefined, title: 'Backend Elixir', skills: 'Élixir, phoenix' });
    const updates = () =>
      h.standin.callsTo('views.update').filter((c) => c.args.view_id === opened.id && c.ok);
    await h.slack.sendBlockAction({
      userId: w.manager,
      view: { id: opened.id },
      state: typed,
      actions: [
        { action_id: 'skills', block_id: 'skills', type: 'plain_text_input', value: 'Élixir, phoenix' },
      ],
    });
    const suggested = await eventually(() => {
      const u = updates()[0];
      if (!u)
        throw new Error(
          `no views.update yet: ${JSON.stringify(h.standin.callsTo('views.update').map((c) => [c.ok, c.error, c.args.view_id, opened.id]))}`,
        );
      return u.args.view as { blocks: Block[] };
    });
    const picks = suggested.blocks.filter((b) => b.accessory?.action_id === 'missions.start.pick_alumnus');
    expect(picks.map((b) => b.accessory?.value)).toEqual([best, second]);
    expect(JSON.stringify(suggested.blocks)).not.toContain(newcomer);
    expect(JSON.stringify(suggested.blocks)).not.toContain(out);
    const title = suggested.blocks.find((b) => b.block_id === 'title');
    expect(title?.element?.initial_value).toBe('Backend Elixir');
    expect(updates()[0]?.args.hash).toBeDefined();

    // Picking the best one: the freelancer input comes back (new block_id) with them selected.
    await h.slack.sendBlockAction({
      userId: w.manager,
      view: { id: opened.id },
      state: typed,
      actions: [
        { action_id: 'missions.start.pick_alumnus', block_id: `missions.start.alumni.${best}`, value: best },
      ],
    });
    const picked = await eventually(() => {
      const u = updates()[1];
      if (!u) throw new Error('no second views.update yet');
      return u.args.view as { blocks: Block[] };
    });
    const freelancerBlock = picked.blocks.find((b) => b.block_id?.startsWith('freelancer'));
    expect(freelancerBlock?.block_id).toBe(`freelancer.${best}`);
    expect(freelancerBlock?.element).toMatchObject({ action_id: 'freelancer', initial_user: best });
    expect(picked.blocks.find((b) => b.block_id === 'title')?.element?.initial_value).toBe('Backend Elixir');

    // Submitting: the freelancer is read from its new block, the mission created with them.
    const submitted = values(w, { title: 'Backend Elixir', skills: 'Elixir, Phoenix' });
    const { freelancer: _, ...rest } = submitted;
    const res = await h.slack.sendViewSubmission({
      userId: w.manager,
      applyAck: false,
      view: {
        id: opened.id,
        callback_id: 'missions.start',
        private_metadata: '{"v":1}',
        state: {
          values: {
            ...rest,
            [`freelancer.${best}`]: { freelancer: { type: 'users_select', selected_user: best } },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const mission = await startedMission(h, opened.id);
    expect(mission.freelancerId).toBe(best);
    expect(await missionModel(h.db).countDocuments({ creationKey: opened.id })).toBe(1);
  });

  it('puts a freelancer error under the renamed input', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const submitted = values(w, {});
    const { freelancer: _, ...rest } = submitted;
    const res = await h.slack.sendViewSubmission({
      userId: w.manager,
      applyAck: false,
      view: {
        id: 'VRENAMED1',
        callback_id: 'missions.start',
        private_metadata: '{"v":1}',
        state: {
          values: {
            ...rest,
            [`freelancer.${w.manager}`]: { freelancer: { type: 'users_select', selected_user: w.manager } },
          },
        },
      },
    });
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([`freelancer.${w.manager}`]);
  });
});
