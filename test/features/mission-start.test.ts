import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import {
  missionStartWorld,
  newViewId,
  startedMission,
  submitMissionForm,
  textOf,
} from '../support/mission-form.js';
import { newPerson } from '../support/people.js';

describe('/mission-start', () => {
  const harness = harnessPerFile('missionstart', { now: new Date('2026-01-05T08:00:00Z') });

  it('opens the modal with the mentioned freelancer pre-selected', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const res = await h.slack.sendCommand({
      command: '/mission-start',
      text: `<@${w.freelancer}|alice>`,
      userId: w.manager,
    });
    expect(res.status).toBe(200);
    const open = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
      if (!call) throw new Error(`no views.open with the command's trigger ${res.triggerId} yet`);
      return call;
    });
    const view = open.args.view as {
      title: { text: string };
      blocks: { block_id?: string; element?: { initial_user?: string } }[];
    };
    expect(view.title.text).toBe('New mission');
    expect(view.blocks.find((b) => b.block_id === 'freelancer')?.element?.initial_user).toBe(w.freelancer);
  });

  it('stores one mission and sends the welcome, checklists, confirmation and channel post, each in its reader’s language', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const viewId = newViewId('HAPPY');
    const res = await submitMissionForm(h, w, {}, viewId);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const mission = await startedMission(h, viewId);
    expect(mission).toMatchObject({
      status: 'onboarding',
      freelancerId: w.freelancer,
      managerId: w.manager,
      skills: ['react', 'typescript'],
    });
    expect(mission.checkin).toMatchObject({
      weekday: 1,
      time: '10:00',
      timezone: 'Europe/Paris',
      timezoneAssumed: false,
    });
    expect(mission.history.map((e) => e.action)).toEqual(['created', 'startOnboarding']);

    const toFreelancer = h.standin.messagesTo(w.freelancer);
    expect(toFreelancer).toHaveLength(2);
    expect(textOf(toFreelancer[0])).toContain('Bienvenue à bord, Alice');
    expect(textOf(toFreelancer[0])).toContain('Reprendre le tunnel de paiement mobile.');
    expect(textOf(toFreelancer[0])).toContain('lundi 12 janvier 2026');
    const toManager = h.standin.messagesTo(w.manager);
    expect(toManager).toHaveLength(2);
    expect(textOf(toManager[0])).toContain('Mission started');
    expect(textOf(toManager[0])).toContain(`Introduction posted in <#${w.team}>`);
    const inChannel = h.standin.messagesTo(w.team);
    expect(inChannel).toHaveLength(1);
    expect(textOf(inChannel[0])).toContain(`Souhaitez la bienvenue à <@${w.freelancer}>`);
    expect(h.standin.callsTo('conversations.join').filter((c) => c.args.channel === w.team)).toHaveLength(1);
  });

  it('creates one mission and one set of messages when the same submission arrives twice', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const viewId = newViewId('TWICE');
    // Posts Slack accepted (a first post to a channel the app has not joined yet is refused, then retried).
    const posts = () =>
      h.standin
        .callsTo('chat.postMessage')
        .filter((c) => c.ok && [w.freelancer, w.manager, w.team].includes(String(c.args.channel)));
    const before = posts().length;
    await Promise.all([
      submitMissionForm(h, w, { title: 'Double clic' }, viewId),
      submitMissionForm(h, w, { title: 'Double clic' }, viewId),
    ]);
    await startedMission(h, viewId);
    await submitMissionForm(h, w, { title: 'Double clic' }, viewId); // a late Slack retry
    expect(await missionModel(h.db).countDocuments({ creationKey: viewId })).toBe(1);
    // welcome + checklist to the freelancer, confirmation + checklist to the manager, one channel post
    await eventually(() => expect(posts().length - before).toBe(5));
  });

  it('says which zone it assumed when the freelancer has none, and how to invite the app to a private channel', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const notz = newPerson(h, 'NOTZ', { name: 'notz', locale: 'en-US', tz: null });
    const viewId = newViewId('NOTZ');
    await submitMissionForm(h, w, { freelancer: notz, channel: w.privateChannel, buddy: undefined }, viewId);
    const mission = await startedMission(h, viewId);
    expect(mission.checkin).toMatchObject({ timezone: 'Europe/Paris', timezoneAssumed: true });
    const confirmation = h.standin.messagesTo(w.manager).find((m) => textOf(m).includes(notz));
    expect(textOf(confirmation)).toContain(
      `I could not read <@${notz}>'s time zone from Slack: check-ins assume *Europe/Paris*`,
    );
    expect(textOf(confirmation)).toContain('Invite me with `/invite @Passerelle`');
    expect(h.standin.messagesTo(w.privateChannel)).toHaveLength(0);
  });
});
