import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { APP_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { type MissionStartWorld, missionStartWorld, values } from '../support/mission-form.js';
import { createSocketRequester, type SocketRequester } from '../support/slack-request-socket.js';

describe('Socket Mode, end to end through the stand-in’s WebSocket', () => {
  let h: Harness;
  let socket: SocketRequester;
  let w: MissionStartWorld;

  beforeAll(async () => {
    h = await startHarness('socketmode', { socketMode: true, now: new Date('2026-01-05T08:00:00Z') });
    w = missionStartWorld(h);
    socket = createSocketRequester(h.standin);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('connects with the app-level token in the header, and answers /passerelle help in the ack', async () => {
    const open = h.standin.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.every((c) => c.token === APP_TOKEN && c.ok)).toBe(true);
    const { ack } = await socket.sendCommand({ command: '/passerelle', text: 'help', userId: w.manager });
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: 'Passerelle — help' });
  });

  it('opens /mission-start, refuses a wrong form inline in the ack, then takes the right one', async () => {
    const { triggerId } = await socket.sendCommand({
      command: '/mission-start',
      text: '',
      userId: w.manager,
    });
    const viewId = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === triggerId);
      const modal = h.standin.openModals(w.manager).at(-1);
      if (!call?.ok || !modal) throw new Error(`no modal opened for ${triggerId} yet`);
      return modal.id;
    });
    const submit = (over: Record<string, string>) =>
      socket.sendViewSubmission({
        userId: w.manager,
        view: { id: viewId, callback_id: 'missions.start', state: { values: values(w, over) } },
      });

    const refused = await submit({ end: '2026-01-10' });
    expect(refused.ack).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(refused.ack)).toContain('The end date must be after the start date.');
    expect(h.standin.view(viewId)?.closed).toBe(false);
    expect(h.standin.ackProblems).toEqual([]);

    const accepted = await submit({});
    expect(accepted.ack).toEqual({});
    expect(h.standin.view(viewId)?.closed).toBe(true);
    const mission = await eventually(async () => {
      const m = await missionModel(h.db).findOne({ creationKey: viewId }).lean();
      if (!m?.managerChecklistMessage) throw new Error('mission not finished yet');
      return m;
    });
    expect(mission).toMatchObject({ managerId: w.manager, freelancerId: w.freelancer, status: 'onboarding' });
  });

  it('publishes the Home when the App Home is opened', async () => {
    const user = 'USOCKHOME';
    h.standin.addUser({ id: user, name: 'hugo', locale: 'en-US' });
    const { ack } = await socket.sendEvent({
      type: 'app_home_opened',
      user,
      tab: 'home',
      channel: 'D0SOCKHOME',
    });
    expect(ack).toEqual({});
    await eventually(() => {
      const published = h.standin.callsTo('views.publish').find((c) => c.args.user_id === user);
      if (!published?.ok) throw new Error(`no views.publish for ${user} yet`);
    });
    expect(h.standin.home(user)).toMatchObject({ type: 'home' });
  });

  it.each(['refresh_requested', 'warning'] as const)(
    'reconnects when Slack sends disconnect (%s), then still answers',
    async (reason) => {
      const opens = h.standin.callsTo('apps.connections.open').length;
      await h.standin.socket.requestReconnect(reason);
      expect(h.standin.callsTo('apps.connections.open').length).toBe(opens + 1);
      await eventually(() => expect(h.standin.socket.openConnections).toBe(1));
      const { ack } = await socket.sendCommand({ command: '/passerelle', text: 'help', userId: w.manager });
      expect(ack).toMatchObject({ text: 'Passerelle — help' });
    },
  );

  it('acks a click nothing handles at once', async () => {
    const started = performance.now();
    const { ack } = await socket.sendBlockAction({
      userId: w.manager,
      actions: [{ action_id: 'no.such.action', block_id: 'b' }],
      message: { ts: '1700000000.000100', channel: 'D0SOCKMGR' },
      channelId: 'D0SOCKMGR',
    });
    expect(ack).toEqual({});
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
