import { describe, expect, it } from 'vitest';
import type { MissionClosed } from '../../src/events.js';
import {
  AVAILABLE_ACTION,
  NOT_NOW_ACTION,
  PROPOSE_ACTION,
  SNOOZE_ACTION,
  STOP_ACTION,
  STOP_ASKING_ACTION,
} from '../../src/features/reengagement/ids.js';
import { talentSummaryOf } from '../../src/features/talent/index.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { runDue, spawnRunDue } from '../support/jobs-cli.js';
import { blocksOf, dmsWith } from '../support/onboarding.js';
import { newPerson } from '../support/people.js';
import type { StandinMessage } from '../support/slack-standin-types.js';

const NUDGE = 'did great on';
const PING = 'Are you available for a new mission';

let seq = 0;
/** A mission closes (what offboarding emits), rated `rating` by its manager. */
async function closeMission(
  h: Harness,
  over: Partial<MissionClosed> & Pick<MissionClosed, 'freelancerId' | 'managerId' | 'closedAt'>,
): Promise<MissionClosed> {
  seq += 1;
  const closed: MissionClosed = {
    missionId: `${'0'.repeat(16)}${String(seq).padStart(8, '0')}`.slice(-24).replace(/^0/, 'a'),
    title: `Data platform ${seq}`,
    skills: ['typescript', 'react'],
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

/** Runs the scheduler as at `iso`. */
async function runAt(h: Harness, iso: string) {
  h.clock.set(new Date(iso));
  return h.deps.scheduler.runOnce();
}

/** Clicks a button (or picks a date) of a DM, as `userId`, from that message. */
function clickIn(
  h: Harness,
  msg: StandinMessage,
  userId: string,
  actionId: string,
  extra: Record<string, unknown> = {},
) {
  const block = blocksOf(msg).find((b) => (b.elements ?? []).some((e) => e.action_id === actionId));
  const element = (block?.elements ?? []).find((e) => e.action_id === actionId);
  if (!block || !element) throw new Error(`no ${actionId} in ${JSON.stringify(msg.blocks)}`);
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: actionId, block_id: block.block_id ?? '', value: element.value, ...extra }],
    message: { ts: msg.ts, channel: msg.channel },
    channelId: msg.channel,
  });
}

const people = (h: Harness) => ({
  manager: newPerson(h, 'MGR', { locale: 'en-US', tz: 'Europe/Paris' }),
  freelancer: newPerson(h, 'FREEL', { locale: 'en-US', tz: 'Europe/Paris' }),
});

describe('re-engagement', () => {
  const harness = harnessPerTest('reengagement', { now: new Date('2026-03-02T10:00:00Z') });

  it('nudges the manager at 30, 90 and 180 days after a mission that ended well, once each, in sending hours', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    // Closed Monday 2 March 2026 at 04:00 in Paris: each nudge is due at that hour, before 08:00.
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T03:00:00Z'),
      title: 'Data platform',
    });

    await runAt(h, '2026-03-31T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(0);
    // Day 30 is Wednesday 1 April, 05:00 in Paris: held until 08:00 there.
    await runAt(h, '2026-04-01T03:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(0);
    await runAt(h, '2026-04-01T06:00:00Z');
    const first = dmsWith(h, manager, NUDGE);
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toBe(
      `🌱 <@${freelancer}> did great on *Data platform* (30 days ago) — anything coming up where they could help again?`,
    );
    await runAt(h, '2026-04-01T12:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(1);

    await runAt(h, '2026-05-31T06:00:00Z'); // day 90: Sunday 31 May → held until Monday
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(1);
    await runAt(h, '2026-06-01T06:00:00Z');
    expect(dmsWith(h, manager, NUDGE).map((m) => m.text)).toContain(
      `🌱 <@${freelancer}> did great on *Data platform* (90 days ago) — anything coming up where they could help again?`,
    );
    await runAt(h, '2026-08-31T06:00:00Z'); // day 182 ≥ 180
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(3);
    await runAt(h, '2027-03-01T06:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(3);
  });

  it('does not nudge after a mission rated under 4 or one the manager would not rehire for', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    const closedAt = new Date('2026-03-02T09:00:00Z');
    await closeMission(h, { freelancerId: freelancer, managerId: manager, closedAt, rating: 3 });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt,
      rating: 5,
      wouldRehire: false,
    });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt,
      rating: null,
      wouldRehire: null,
    });
    await runAt(h, '2026-09-30T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(0);
  });

  it('“remind me in 2 weeks” on the day-30 nudge brings it back two weeks later, and the 90- and 180-day nudges still come', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
      title: 'Checkout revamp',
    });
    await runAt(h, '2026-04-01T09:00:00Z');
    const nudge = dmsWith(h, manager, NUDGE)[0];
    if (!nudge) throw new Error('no first nudge');
    await clickIn(h, nudge, manager, SNOOZE_ACTION);
    await eventually(() =>
      expect(h.standin.message(nudge.channel, nudge.ts)?.text).toBe(
        'Noted: I will remind you about them on Wednesday, 15 April 2026.',
      ),
    );
    // (The nudge answered now says so: its text no longer asks.)
    const sent = () => h.standin.messagesTo(manager);
    await runAt(h, '2026-04-14T09:00:00Z');
    expect(sent()).toHaveLength(1);
    await runAt(h, '2026-04-15T09:00:00Z');
    expect(sent()).toHaveLength(2);
    expect(sent()[1]?.text).toContain('*Checkout revamp* (44 days ago)');
    // The rest of the cadence is unchanged: day 90 (Sunday 31 May, so Monday in sending hours) and
    // day 180 (Saturday 29 August, so Monday 31).
    await runAt(h, '2026-06-01T09:00:00Z');
    expect(sent()).toHaveLength(3);
    expect(sent()[2]?.text).toContain('(90 days ago)');
    await runAt(h, '2026-08-31T09:00:00Z');
    expect(sent()).toHaveLength(4);
    // A double click on the same nudge plans one reminder, not two.
    const last = sent()[3];
    if (!last) throw new Error('no day-180 nudge');
    await clickIn(h, last, manager, SNOOZE_ACTION);
    await clickIn(h, last, manager, SNOOZE_ACTION);
    await eventually(() => expect(h.standin.message(last.channel, last.ts)?.text).toContain('remind you'));
    await runAt(h, '2026-09-14T09:00:00Z');
    await runAt(h, '2026-09-21T09:00:00Z');
    expect(sent()).toHaveLength(5);
  });

  it('a reminder asked late takes the place of a nudge due before it; stop, and someone else’s click refused', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    const stranger = newPerson(h, 'STRANGER', { locale: 'en-US' });
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
    });
    await runAt(h, '2026-04-01T09:00:00Z');
    const nudge = dmsWith(h, manager, NUDGE)[0];
    if (!nudge) throw new Error('no first nudge');

    // A stranger's "stop" (a forged or forwarded click) changes nothing.
    h.clock.set(new Date('2026-05-25T09:00:00Z'));
    await clickIn(h, nudge, stranger, STOP_ACTION);
    await eventually(() =>
      expect(h.standin.ephemeralsTo(stranger).map((e) => e.text)).toContain(
        'Only the manager of that mission (or an admin) can answer this nudge.',
      ),
    );
    // "Remind me in 2 weeks" on Monday 25 May: the reminder comes on 8 June, and the day-90 nudge
    // (31 May), due in between, is not sent on top of it.
    await clickIn(h, nudge, manager, SNOOZE_ACTION);
    await eventually(() =>
      expect(h.standin.message(nudge.channel, nudge.ts)?.text).toBe(
        'Noted: I will remind you about them on Monday, 8 June 2026.',
      ),
    );
    await runAt(h, '2026-06-01T09:00:00Z');
    await runAt(h, '2026-06-07T09:00:00Z');
    expect(h.standin.messagesTo(manager)).toHaveLength(1);
    await runAt(h, '2026-06-08T09:00:00Z');
    const second = h.standin.messagesTo(manager);
    expect(second).toHaveLength(2);
    if (!second[1]) throw new Error('no second nudge');

    await clickIn(h, second[1], manager, STOP_ACTION);
    await eventually(() =>
      expect(h.standin.message(second[1]?.channel ?? '', second[1]?.ts ?? '')?.text).toContain(
        'no more nudges',
      ),
    );
    await runAt(h, '2026-09-01T09:00:00Z');
    expect(h.standin.messagesTo(manager)).toHaveLength(2);
  });

  it('“propose a mission” opens the mission form filled in with the freelancer and skills', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
      skills: ['go', 'kubernetes'],
    });
    await runAt(h, '2026-04-01T09:00:00Z');
    const nudge = dmsWith(h, manager, NUDGE)[0];
    if (!nudge) throw new Error('no nudge');
    await clickIn(h, nudge, manager, PROPOSE_ACTION);
    const modal = await eventually(() => {
      const m = h.standin.openModals(manager)[0];
      if (!m) throw new Error('no modal');
      return m.view as {
        callback_id?: string;
        blocks: { block_id?: string; element?: Record<string, unknown> }[];
      };
    });
    expect(modal.callback_id).toBe('missions.start');
    const element = (id: string) => modal.blocks.find((b) => b.block_id === id)?.element ?? {};
    expect(element('freelancer').initial_user).toBe(freelancer);
    expect(element('skills').initial_value).toBe('go, kubernetes');
  });

  it('sends at most one nudge per person per week, across missions and kinds', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    const other = newPerson(h, 'FREEL2', { locale: 'en-US', tz: 'Europe/Paris' });
    // Two good missions of one manager closed the same day: their day-30 nudges are due together.
    const closedAt = new Date('2026-03-02T09:00:00Z');
    await closeMission(h, { freelancerId: freelancer, managerId: manager, closedAt });
    await closeMission(h, { freelancerId: other, managerId: manager, closedAt });
    await runAt(h, '2026-04-01T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(1);
    await runAt(h, '2026-04-07T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(1);
    await runAt(h, '2026-04-08T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(2);

    // A manager who was a freelancer once: their availability ping and a nudge fall on one day.
    const both = newPerson(h, 'BOTH', { locale: 'en-US', tz: 'Europe/Paris' });
    await closeMission(h, {
      freelancerId: both,
      managerId: manager,
      closedAt: new Date('2026-01-06T09:00:00Z'),
    });
    await closeMission(h, {
      freelancerId: other,
      managerId: both,
      closedAt: new Date('2026-03-07T09:00:00Z'),
    });
    await runAt(h, '2026-04-13T09:00:00Z'); // ping due 13 April, nudge due 13 April
    const got = () => dmsWith(h, both, NUDGE).length + dmsWith(h, both, PING).length;
    expect(got()).toBe(1);
    await runAt(h, '2026-04-19T09:00:00Z');
    expect(got()).toBe(1);
    await runAt(h, '2026-04-20T09:00:00Z');
    expect(got()).toBe(2);
  });

  it('asks alumni about their availability every quarter with the jobs CLI, stores the answer, and stops when asked', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-01-12T09:00:00Z'),
      rating: 2,
    });
    // The DM with the app holds the pings only (each answered one is replaced by its answer).
    const pings = () => h.standin.messagesTo(freelancer);
    const run = async (at: string) => {
      const r = await runDue(h, at);
      expect(r.code, r.out).toBe(0);
    };
    await runAt(h, '2026-04-10T09:00:00Z');
    expect(pings()).toHaveLength(0);
    await run('2026-04-12T09:00:00Z'); // 12 April is a Sunday: held until Monday
    expect(pings()).toHaveLength(0);
    await run('2026-04-13T09:00:00Z');
    const ping = pings();
    expect(ping).toHaveLength(1);
    const first = ping[0];
    if (!first) throw new Error('no ping');

    h.clock.set(new Date('2026-04-13T10:00:00Z'));
    await clickIn(h, first, freelancer, AVAILABLE_ACTION, {
      type: 'datepicker',
      selected_date: '2026-05-04',
    });
    await eventually(async () => {
      const t = await talentSummaryOf(h.db, freelancer);
      expect(t?.availableFrom).toBe('2026-05-04');
      expect(t?.availabilitySaidAt?.toISOString()).toBe('2026-04-13T10:00:00.000Z');
    });
    await eventually(() =>
      expect(h.standin.message(first.channel, first.ts)?.text).toBe(
        'Thanks! Noted: available from Monday, 4 May 2026.',
      ),
    );

    await run('2026-07-13T09:00:00Z');
    const second = pings();
    expect(second).toHaveLength(2);
    if (!second[1]) throw new Error('no second ping');
    await clickIn(h, second[1], freelancer, NOT_NOW_ACTION);
    await eventually(() =>
      expect(h.standin.message(second[1]?.channel ?? '', second[1]?.ts ?? '')?.text).toContain(
        'ask again next quarter',
      ),
    );

    await run('2026-10-12T09:00:00Z');
    const third = pings();
    expect(third).toHaveLength(3);
    if (!third[2]) throw new Error('no third ping');
    await clickIn(h, third[2], freelancer, STOP_ASKING_ACTION);
    await eventually(() =>
      expect(h.standin.message(third[2]?.channel ?? '', third[2]?.ts ?? '')?.text).toContain('not ask'),
    );
    await runAt(h, '2027-01-12T09:00:00Z');
    await run('2027-04-12T09:00:00Z');
    expect(pings()).toHaveLength(3);
  });

  it('holds nudges for a muted or snoozed manager as preferences say', async () => {
    const h = harness();
    const { manager, freelancer } = people(h);
    await closeMission(h, {
      freelancerId: freelancer,
      managerId: manager,
      closedAt: new Date('2026-03-02T09:00:00Z'),
    });
    const mute = await h.slack.sendCommand({ command: '/passerelle', text: 'mute nudges', userId: manager });
    expect(mute.status).toBe(200);
    await eventually(() =>
      expect(
        h.standin
          .ephemeralsTo(manager)
          .map((e) => e.text)
          .join(),
      ).toContain('no more nudges'),
    );
    await runAt(h, '2026-04-01T09:00:00Z');
    expect(dmsWith(h, manager, NUDGE)).toHaveLength(0);
  });

  it('a runner killed (SIGKILL) mid-way through 40 nudges sends none twice, and the rest after its lease', async () => {
    const h = harness();
    const managers = Array.from({ length: 40 }, (_, i) => newPerson(h, `KMGR${i}`, { tz: 'Europe/Paris' }));
    const closedAt = new Date('2026-03-02T09:00:00Z');
    for (const managerId of managers) {
      await closeMission(h, { managerId, freelancerId: newPerson(h, 'KFREEL'), closedAt });
    }
    const nudged = () => managers.map((m) => dmsWith(h, m, NUDGE).length);
    const { child, exited } = spawnRunDue(h, '2026-04-01T09:00:00Z');
    await eventually(() => {
      if (nudged().reduce((a, b) => a + b, 0) < 5) throw new Error('fewer than 5 nudges so far');
    }, 60_000);
    child.kill('SIGKILL');
    await exited;
    expect(nudged().reduce((a, b) => a + b, 0)).toBeLessThan(40);

    // Nobody takes the dead runner's jobs before their lease (15 min) ends; then the rest goes.
    await runAt(h, '2026-04-01T09:05:00Z');
    await runAt(h, '2026-04-01T09:20:00Z');
    const counts = nudged();
    expect(Math.max(...counts), 'a nudge sent twice').toBe(1);
    // At most the jobs in flight at the kill (the runner runs 4 at once) are in doubt, never resent.
    expect(counts.filter((n) => n === 0).length).toBeLessThanOrEqual(4);
  }, 90_000);
});
