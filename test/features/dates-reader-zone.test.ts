/**
 * Every date a person reads is in their own zone (issue 19, defect 6), tested as a class: one
 * instant close to a day boundary, 23:15 UTC on Monday 7 December 2026, is Monday the 7th in New
 * York (18:15) but Tuesday the 8th in Paris (00:15) and in Auckland (12:15); and a calendar date
 * (a mission's start, an item's due day) is the same day for everyone, wherever they are.
 *
 * Each row renders one view through the real entry points for a reader in each of the three zones
 * and lists the December days it shows.
 */
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { startOnboarding } from '../../src/features/onboarding/index.js';
import { SNOOZE_ACTION } from '../../src/features/reengagement/ids.js';
import { VIEW_PROFILE } from '../../src/features/talent/ids.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newPerson } from '../support/people.js';
import { closedMission, talentAnswer } from '../support/talent.js';

/** Monday 7 December 2026, 23:15 UTC. */
const AT = new Date('2026-12-07T23:15:00Z');
const ZONES = ['Europe/Paris', 'America/New_York', 'Pacific/Auckland'] as const;
type Zone = (typeof ZONES)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The days of `month` a text shows, whatever the format ("7 December 2026", "Tue, 8 Dec 2026, 00:15"). */
function daysShown(text: string, month = 'Dec'): number[] {
  const days = [...text.matchAll(/\b(\d{1,2}) ([A-Z][a-z]{2})[a-z]*\b/g)]
    .filter((m) => m[2] === month)
    .map((m) => Number(m[1]));
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The reader's own calendar day of an instant, as `daysShown` reads it. */
function localDay(at: Date, zone: Zone): { day: number; month: string } {
  const d = DateTime.fromJSDate(at, { zone });
  return { day: d.day, month: MONTHS[d.month - 1] ?? '' };
}

let skillSeq = 0;
/** A skill no other test of the file uses (the pool is shared by the file's tests). */
const newSkill = () => `zonelang${++skillSeq}x${process.pid}`;

/** A manager in `zone` (English), with an open mission so that /talent and /mission-stats answer them. */
async function managerIn(h: Harness, zone: Zone): Promise<string> {
  const manager = newPerson(h, 'ZMGR', { locale: 'en-US', tz: zone });
  await createMission(h.db, {
    managerId: manager,
    freelancerId: newPerson(h, 'ZOTHER', { locale: 'en-US', tz: zone }),
    startDate: '2026-11-02',
    endDate: '2027-02-26',
    status: 'active',
  });
  return manager;
}

/** A freelancer whose mission with `managerId` closed at AT, in the pool under a fresh skill. */
async function closedAtBoundary(
  h: Harness,
  managerId: string,
): Promise<{ freelancer: string; skill: string }> {
  const freelancer = newPerson(h, 'ZFREE', { locale: 'en-US', tz: 'Pacific/Auckland' });
  const skill = newSkill();
  await h.deps.events.emit(
    'mission.closed',
    closedMission(freelancer, {
      missionId: new Types.ObjectId().toHexString(),
      managerId,
      closedAt: AT,
      skills: [skill],
    }),
  );
  return { freelancer, skill };
}

/** An instant's view: each reader must see their own local day of `instant` (and no other day of its month). */
type InstantRow = { view: string; instant: Date; render: (h: Harness, zone: Zone) => Promise<string> };

const instantRows: InstantRow[] = [
  {
    view: '/talent results (last collaboration)',
    instant: AT,
    render: async (h, zone) => {
      const manager = await managerIn(h, zone);
      const { skill } = await closedAtBoundary(h, manager);
      return (await talentAnswer(h, skill, manager)).all;
    },
  },
  {
    view: 'talent profile modal (mission closed on)',
    instant: AT,
    render: async (h, zone) => {
      const manager = await managerIn(h, zone);
      const { freelancer } = await closedAtBoundary(h, manager);
      const res = await h.slack.sendBlockAction({
        userId: manager,
        channelId: h.standin.state.dmFor(manager),
        message: { ts: '1700000000.000100', text: 'talent' },
        actions: [{ action_id: VIEW_PROFILE, block_id: `talent.hit.${freelancer}`, value: freelancer }],
      });
      const open = await eventually(() => {
        const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
        if (!call) throw new Error(`no profile modal for ${manager}`);
        return call;
      });
      return JSON.stringify(open.args.view);
    },
  },
  {
    view: 're-engagement nudge, "remind me in 2 weeks" (the reminder comes on…)',
    // Asked at AT: the reminder comes 14 days later, at 23:15 UTC on 21 December.
    instant: new Date('2026-12-21T23:15:00Z'),
    render: async (h, zone) => {
      const manager = await managerIn(h, zone);
      const missionId = new Types.ObjectId().toHexString();
      const freelancer = newPerson(h, 'ZNUDGE', { locale: 'en-US', tz: 'Pacific/Auckland' });
      await h.deps.events.emit(
        'mission.closed',
        closedMission(freelancer, {
          missionId,
          managerId: manager,
          closedAt: new Date('2026-11-07T23:15:00Z'),
        }),
      );
      const res = await h.slack.sendBlockAction({
        userId: manager,
        channelId: h.standin.state.dmFor(manager),
        message: { ts: '1700000000.000200', text: 'nudge' },
        actions: [{ action_id: SNOOZE_ACTION, block_id: 'nudge', value: missionId }],
      });
      return eventually(() => {
        const r = h.standin.responses.find((x) => res.responseUrl?.endsWith(x.id));
        if (!r) throw new Error(`no answer to the snooze of ${manager}`);
        return JSON.stringify(r.body);
      });
    },
  },
  {
    view: '/mission-start modal (the start date offered is today)',
    instant: AT,
    render: async (h, zone) => {
      const manager = newPerson(h, 'ZSTART', { locale: 'en-US', tz: zone });
      const res = await h.slack.sendCommand({ command: '/mission-start', text: '', userId: manager });
      expect(res.status).toBe(200);
      const open = await eventually(() => {
        const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
        if (!call) throw new Error(`no mission modal for ${manager}`);
        return call;
      });
      // The datepicker's day (`yyyy-MM-dd`), read as the other rows read a day.
      const view = open.args.view as { blocks: { element?: { initial_date?: string } }[] };
      const initial = view.blocks.map((b) => b.element?.initial_date).find((d) => d !== undefined) ?? '';
      return DateTime.fromISO(initial).setLocale('en-GB').toFormat('d LLL');
    },
  },
  {
    view: '/mission-stats (the period ends today)',
    instant: AT,
    render: async (h, zone) => ephemeralAnswer(h, '/mission-stats', '30d', await managerIn(h, zone)),
  },
];

/** A calendar view: the mission starts on Tuesday 8 December and its items are due 8, 10, 11 and 13 December. */
type CalendarRow = { view: string; days: number[]; render: (h: Harness, zone: Zone) => Promise<string> };

/** A manager in `zone` with a mission of a freelancer in Auckland starting 8 December, onboarding started. */
async function aucklandMission(h: Harness, zone: Zone) {
  const manager = newPerson(h, 'CMGR', { locale: 'en-US', tz: zone });
  const freelancer = newPerson(h, 'CFREE', { locale: 'en-US', tz: 'Pacific/Auckland' });
  const mission = await createMission(h.db, {
    managerId: manager,
    freelancerId: freelancer,
    startDate: '2026-12-08',
    endDate: '2027-03-05',
    checkin: { timezone: 'Pacific/Auckland' },
  });
  await startOnboarding(h.deps, mission);
  return { manager, freelancer, mission };
}

const calendarRows: CalendarRow[] = [
  {
    view: 'onboarding checklist DM of the manager (due dates)',
    days: [8, 10, 11, 13],
    render: async (h, zone) => {
      const { manager } = await aucklandMission(h, zone);
      return eventually(() => {
        const dm = h.standin.messagesTo(manager).find((m) => JSON.stringify(m.blocks).includes('due'));
        if (!dm) throw new Error(`no checklist DM for ${manager}`);
        return JSON.stringify(dm.blocks);
      });
    },
  },
  {
    view: 'Home of the manager (mission dates, items due)',
    days: [8, 11],
    render: async (h, zone) => homeText(await openHome(h, (await aucklandMission(h, zone)).manager)),
  },
  {
    view: '/missions (mission dates)',
    days: [8],
    render: async (h, zone) => {
      const { manager } = await aucklandMission(h, zone);
      // /missions answers in its ack.
      const res = await h.slack.sendCommand({ command: '/missions', text: '', userId: manager });
      expect(res.status).toBe(200);
      return JSON.stringify(res.json());
    },
  },
];

describe('dates in the reader’s zone: an instant at 23:15 UTC, calendar dates', () => {
  const harness = harnessPerFile('dateszone', { now: AT });

  for (const row of instantRows) {
    for (const zone of ZONES) {
      const own = localDay(row.instant, zone);
      it(`${row.view}: a reader in ${zone} sees their own day, ${own.day} ${own.month}`, async () => {
        const text = await row.render(harness(), zone);
        expect(daysShown(text, own.month), text).toEqual([own.day]);
      });
    }
  }

  for (const row of calendarRows) {
    for (const zone of ZONES) {
      it(`${row.view}: the same calendar days for a reader in ${zone}`, async () => {
        const text = await row.render(harness(), zone);
        expect(daysShown(text), text).toEqual(row.days);
      });
    }
  }
});
