import { describe, expect, it } from 'vitest';
import type { MissionClosed } from '../../src/events.js';
import { PROPOSE_ACTION, STOP_ACTION, STOP_ASKING_ACTION } from '../../src/features/reengagement/ids.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { blocksOf } from '../support/onboarding.js';
import { newPerson } from '../support/people.js';
import type { StandinMessage } from '../support/slack-standin-types.js';

let seq = 0;
async function closeMission(
  h: Harness,
  over: Pick<MissionClosed, 'freelancerId' | 'managerId' | 'closedAt'> & Partial<MissionClosed>,
): Promise<MissionClosed> {
  seq += 1;
  const closed: MissionClosed = {
    missionId: `b${String(Date.now() % 1e9).padStart(15, '0')}${String(seq).padStart(8, '0')}`.slice(0, 24),
    title: `Current plan ${seq}`,
    skills: ['typescript'],
    rating: 5,
    wouldRehire: true,
    privateNote: null,
    renewed: false,
    handover: [],
    ...over,
  };
  await h.deps.events.emit('mission.closed', closed);
  return closed;
}

async function runAt(h: Harness, iso: string) {
  h.clock.set(new Date(iso));
  return h.deps.scheduler.runOnce();
}

function clickIn(h: Harness, msg: StandinMessage, userId: string, actionId: string) {
  const block = blocksOf(msg).find((b) => (b.elements ?? []).some((e) => e.action_id === actionId));
  const element = (block?.elements ?? []).find((e) => e.action_id === actionId);
  if (!block || !element) throw new Error(`no ${actionId} in ${JSON.stringify(msg.blocks)}`);
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: actionId, block_id: block.block_id ?? '', value: element.value }],
    message: { ts: msg.ts, channel: msg.channel },
    channelId: msg.channel,
  });
}

/** The message as it stands now, and whether it still offers an action. */
const current = (h: Harness, m: StandinMessage) => h.standin.message(m.channel, m.ts);
const actionsIn = (m: StandinMessage | undefined) =>
  blocksOf(m)
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''))
    .filter((a) => a !== '');

describe('re-engagement messages stay current after a later answer', () => {
  const harness = harnessPerTest('reengagement_current', { now: new Date('2026-03-02T10:00:00Z') });

  it('"Stop" on the 90-day nudge rewrites the unanswered 30-day one: what was chosen, no button', async () => {
    const h = harness();
    const manager = newPerson(h, 'RCMGR', { locale: 'en-US', tz: 'Europe/Paris' });
    const freelancer = newPerson(h, 'RCFREE', { locale: 'en-US', tz: 'Europe/Paris' });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
    });
    await runAt(h, '2026-04-01T09:00:00Z');
    await runAt(h, '2026-06-01T09:00:00Z');
    const [day30, day90] = h.standin.messagesTo(manager);
    if (!day30 || !day90) throw new Error('two nudges expected');
    expect(actionsIn(current(h, day30))).toContain(STOP_ACTION);

    await clickIn(h, day90, manager, STOP_ACTION);
    await eventually(() => {
      for (const m of [day30, day90]) {
        expect(actionsIn(current(h, m))).toEqual([]);
        expect(current(h, m)?.text).toContain('no more nudges');
      }
    });
  });

  it('a proposal made from the 90-day nudge rewrites the 30-day one', async () => {
    const h = harness();
    const manager = newPerson(h, 'RCMGR2', { locale: 'en-US', tz: 'Europe/Paris' });
    const freelancer = newPerson(h, 'RCFREE2', { locale: 'en-US', tz: 'Europe/Paris' });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
    });
    await runAt(h, '2026-04-01T09:00:00Z');
    await runAt(h, '2026-06-01T09:00:00Z');
    const [day30, day90] = h.standin.messagesTo(manager);
    if (!day30 || !day90) throw new Error('two nudges expected');
    await clickIn(h, day90, manager, PROPOSE_ACTION);
    await eventually(() => {
      expect(actionsIn(current(h, day30))).toEqual([]);
      expect(current(h, day30)?.text).toBe(current(h, day90)?.text);
    });
  });

  it('"Stop asking" on a ping rewrites the earlier unanswered ping', async () => {
    const h = harness();
    const manager = newPerson(h, 'RCMGR3', { locale: 'en-US', tz: 'Europe/Paris' });
    const freelancer = newPerson(h, 'RCFREE3', { locale: 'en-US', tz: 'Europe/Paris' });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-01-12T09:00:00Z'),
      rating: 2,
    });
    await runAt(h, '2026-04-13T09:00:00Z');
    await runAt(h, '2026-07-13T09:00:00Z');
    const [first, second] = h.standin.messagesTo(freelancer);
    if (!first || !second) throw new Error('two pings expected');
    await clickIn(h, second, freelancer, STOP_ASKING_ACTION);
    await eventually(() => {
      for (const m of [first, second]) {
        expect(actionsIn(current(h, m))).toEqual([]);
        expect(current(h, m)?.text).toContain('not ask');
      }
    });
  });
});
