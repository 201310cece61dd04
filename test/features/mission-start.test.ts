import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness } from '../support/harness.js';
import { missionFormValues as values } from '../support/missions.js';

const MANAGER = 'UMANAGER1';
const FREELANCER = 'UFREELA01';

function textOf(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

describe('/mission-start', () => {
  let h: Harness;
  let viewSeq = 0;

  const submit = (over: Partial<Record<string, string | undefined>> = {}, viewId = `VSUBMIT${++viewSeq}`) =>
    h.slack.sendViewSubmission({
      userId: MANAGER,
      applyAck: false,
      view: {
        id: viewId,
        callback_id: 'missions.start',
        private_metadata: '{"v":1}',
        state: { values: values(over) },
      },
    });

  beforeAll(async () => {
    h = await startHarness('missionstart', { now: new Date('2026-01-05T08:00:00Z') });
    h.standin.addUser({ id: MANAGER, name: 'maya', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({
      id: FREELANCER,
      name: 'alice',
      displayName: 'Alice',
      locale: 'fr-FR',
      tz: 'Europe/Paris',
    });
    h.standin.addUser({ id: 'UBUDDY001', name: 'bob', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: 'UBOT00001', name: 'robot', isBot: true });
    h.standin.addUser({ id: 'UGONE0001', name: 'gone', deleted: true });
    h.standin.addUser({ id: 'UNOTZ0001', name: 'notz', locale: 'en-US', tz: null });
    h.standin.addUser({ id: 'UADMIN01', name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    h.standin.addChannel({ id: 'CTEAM0001', name: 'team-payments', isMember: false });
    h.standin.addChannel({ id: 'CPRIV0001', name: 'secret', isPrivate: true, isMember: false });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('opens the modal with the mentioned freelancer pre-selected', async () => {
    const res = await h.slack.sendCommand({
      command: '/mission-start',
      text: `<@${FREELANCER}|alice>`,
      userId: MANAGER,
    });
    expect(res.status).toBe(200);
    const open = await eventually(() => {
      const call = h.standin.callsTo('views.open').at(-1);
      if (!call) throw new Error('no views.open yet');
      return call;
    });
    const view = open.args.view as {
      title: { text: string };
      blocks: { block_id?: string; element?: { initial_user?: string } }[];
    };
    expect(view.title.text).toBe('New mission');
    expect(view.blocks.find((b) => b.block_id === 'freelancer')?.element?.initial_user).toBe(FREELANCER);
  });

  it('stores one mission and sends the welcome, checklists, confirmation and channel post, each in its reader’s language', async () => {
    const res = await submit({}, 'VHAPPY001');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const mission = await eventually(async () => {
      const m = await missionModel(h.db).findOne({ creationKey: 'VHAPPY001' }).lean();
      if (!m?.managerChecklistMessage) throw new Error('not finished yet');
      return m;
    });
    expect(mission).toMatchObject({
      status: 'onboarding',
      freelancerId: FREELANCER,
      managerId: MANAGER,
      skills: ['react', 'typescript'],
    });
    expect(mission.checkin).toMatchObject({
      weekday: 1,
      time: '10:00',
      timezone: 'Europe/Paris',
      timezoneAssumed: false,
    });
    expect(mission.history.map((e) => e.action)).toEqual(['created', 'startOnboarding']);

    const toFreelancer = h.standin.messagesTo(FREELANCER);
    expect(toFreelancer).toHaveLength(2);
    expect(textOf(toFreelancer[0])).toContain('Bienvenue à bord, Alice');
    expect(textOf(toFreelancer[0])).toContain('Reprendre le tunnel de paiement mobile.');
    expect(textOf(toFreelancer[0])).toContain('lundi 12 janvier 2026');
    const toManager = h.standin.messagesTo(MANAGER);
    expect(toManager).toHaveLength(2);
    expect(textOf(toManager[0])).toContain('Mission started');
    expect(textOf(toManager[0])).toContain('Introduction posted in <#CTEAM0001>');
    const inChannel = h.standin.messagesTo('CTEAM0001');
    expect(inChannel).toHaveLength(1);
    expect(textOf(inChannel[0])).toContain(`Souhaitez la bienvenue à <@${FREELANCER}>`);
    expect(h.standin.callsTo('conversations.join')).toHaveLength(1);
  });

  it('creates one mission and one set of messages when the same submission arrives twice', async () => {
    const before = h.standin.callsTo('chat.postMessage').length;
    await Promise.all([
      submit({ title: 'Double clic' }, 'VTWICE001'),
      submit({ title: 'Double clic' }, 'VTWICE001'),
    ]);
    await eventually(async () => {
      const m = await missionModel(h.db).findOne({ creationKey: 'VTWICE001' }).lean();
      if (!m?.managerChecklistMessage) throw new Error('not finished yet');
    });
    await submit({ title: 'Double clic' }, 'VTWICE001'); // a late Slack retry
    expect(await missionModel(h.db).countDocuments({ creationKey: 'VTWICE001' })).toBe(1);
    // welcome + checklist to the freelancer, confirmation + checklist to the manager, one channel post
    await eventually(() => expect(h.standin.callsTo('chat.postMessage').length - before).toBe(5));
  });

  it.each([
    [
      'the end is before the start',
      { end: '2026-01-10' },
      'end',
      'The end date must be after the start date.',
    ],
    [
      'the dates are more than a year apart',
      { end: '2027-02-01' },
      'end',
      'A mission can last one year at most',
    ],
    [
      'the start is more than 30 days ago',
      { start: '2025-11-20', need_expressed: undefined },
      'start',
      'more than 30 days ago',
    ],
    [
      'the freelancer is the manager',
      { freelancer: MANAGER },
      'freelancer',
      'You cannot be the freelancer of your own mission.',
    ],
    ['the freelancer is a bot', { freelancer: 'UBOT00001' }, 'freelancer', 'This is a bot, not a person.'],
    [
      'the freelancer is deactivated',
      { freelancer: 'UGONE0001' },
      'freelancer',
      'This account is deactivated.',
    ],
    ['the title is beyond the limit', { title: 'x'.repeat(151) }, 'title', 'This is too long.'],
    ['the title is missing', { title: undefined }, 'title', 'Give the mission a title.'],
  ])('refuses the form inline when %s, storing nothing', async (_case, over, blockId, message) => {
    const count = await missionModel(h.db).countDocuments();
    const messages = h.standin.callsTo('chat.postMessage').length;
    const res = await submit(over);
    expect(res.status).toBe(200);
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[blockId]).toContain(message);
    expect(await missionModel(h.db).countDocuments()).toBe(count);
    expect(h.standin.callsTo('chat.postMessage').length).toBe(messages);
  });

  it('says which zone it assumed when the freelancer has none, and how to invite the app to a private channel', async () => {
    await submit({ freelancer: 'UNOTZ0001', channel: 'CPRIV0001', buddy: undefined }, 'VNOTZ0001');
    const mission = await eventually(async () => {
      const m = await missionModel(h.db).findOne({ creationKey: 'VNOTZ0001' }).lean();
      if (!m?.managerChecklistMessage) throw new Error('not finished yet');
      return m;
    });
    expect(mission.checkin).toMatchObject({ timezone: 'Europe/Paris', timezoneAssumed: true });
    const confirmation = h.standin
      .messagesTo(MANAGER)
      .find((m) => textOf(m).includes('Double') === false && textOf(m).includes('UNOTZ0001'));
    expect(textOf(confirmation)).toContain(
      "I could not read <@UNOTZ0001>'s time zone from Slack: check-ins assume *Europe/Paris*",
    );
    expect(textOf(confirmation)).toContain('Invite me with `/invite @Passerelle`');
    expect(h.standin.messagesTo('CPRIV0001')).toHaveLength(0);
  });

  it('lets an admin cancel a mission from its menu, keeps it in the history and tells both sides; others are refused', async () => {
    const mission = await missionModel(h.db).findOne({ creationKey: 'VHAPPY001' }).lean();
    const missionId = String(mission?._id);
    // The menu sits on the manager's confirmation message.
    const confirmation = h.standin.messagesTo(MANAGER)[0];
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
    const refused = await menu(MANAGER);
    expect(refused.status).toBe(200);
    await eventually(() =>
      expect(JSON.stringify(h.standin.responses.at(-1)?.body)).toContain('Only Passerelle admins'),
    );

    const opens = h.standin.callsTo('views.open').length;
    await menu('UADMIN01');
    const open = await eventually(() => {
      const call = h.standin.callsTo('views.open')[opens];
      if (!call) throw new Error('no modal yet');
      return call;
    });
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('missions.admin.cancel');
    const res = await h.slack.sendViewSubmission({
      userId: 'UADMIN01',
      applyAck: false,
      view: {
        id: 'VCANCEL01',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: {} },
      },
    });
    expect(res.body).toBe('');
    const cancelled = await eventually(async () => {
      const m = await missionModel(h.db).findById(missionId).lean();
      if (m?.status !== 'cancelled') throw new Error('not yet');
      return m;
    });
    expect(cancelled.history.at(-1)).toMatchObject({
      action: 'cancel',
      by: 'UADMIN01',
      from: 'onboarding',
      to: 'cancelled',
    });
    await eventually(() => {
      expect(textOf(h.standin.messagesTo(FREELANCER).at(-1))).toContain('a été annulée par <@UADMIN01>');
      expect(textOf(h.standin.messagesTo(MANAGER).at(-1))).toContain('was cancelled by <@UADMIN01>');
    });
  });
});
