import { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { expect, it } from 'vitest';
import { rebuildStats } from '../../src/features/analytics/index.js';
import { HR_SETTLE_DAYS, MIN_POINTS } from '../../src/features/analytics/summary/rules.js';
import { checkinModel } from '../../src/features/checkins/model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { changeStatus } from '../../src/features/missions/repository.js';
import { offboardingModel } from '../../src/features/offboarding/model.js';
import {
  insertOffboarding,
  markClosed,
  markFeedbackNotGiven,
  storeEvaluation,
  storeFeedback,
} from '../../src/features/offboarding/repository.js';
import { eventually } from '../support/eventually.js';
import { Prng } from '../support/fuzz-random.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';
import { checkinRecord, startedOffboarding } from '../support/stats-records.js';

const NOW = new Date('2026-12-03T09:00:00Z');
const HR_MIN_PEOPLE = 5; // STATS_HR_MIN_PEOPLE as the harness runs it (the default)
const FIRST_MONDAY = Date.UTC(2026, 0, 5, 9); // 10:00 Paris

/** What the test seeded, kept apart from the database: the figures are computed from these. */
interface SeedMission {
  id: Types.ObjectId;
  managerId: string;
  freelancerId: string;
  status: 'active' | 'completed' | 'cancelled' | 'onboarding';
  startDate: string;
  staffingDays: number | null;
  onboardingDays: number | null;
}
interface SeedCheckin {
  managerId: string;
  freelancerId: string;
  day: string;
  answer: { score: number; hr: boolean } | null;
}
interface SeedOffboarding {
  managerId: string;
  feedback: { overall: number; onboarding: number; communication: number; recognition: number } | null;
  wouldWorkAgain: boolean;
  recommend: number;
  rating: number;
  wouldRehire: boolean;
  renewed: boolean;
}

async function answerOf(h: Harness, userId: string, text: string): Promise<string> {
  const before = h.standin.ephemeralsTo(userId).length;
  const res = await h.slack.sendCommand({ command: '/mission-stats', text, userId });
  expect(res.status).toBe(200);
  return eventually(() => {
    const e = h.standin.ephemeralsTo(userId)[before];
    if (!e) throw new Error(`no answer to /mission-stats ${text} for ${userId}`);
    return JSON.stringify(e.blocks ?? []) + (e.text ?? '');
  });
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const quarterEnd = (q: string) =>
  DateTime.utc(Number(q.slice(0, 4)), Number(q.slice(6)) * 3, 1)
    .endOf('month')
    .toISODate();

/** A figure as the view writes it for an en-US reader: "not enough data (n of 5 needed)" below MIN_POINTS. */
function shown(
  sum: number,
  points: number,
  unit: 'score' | 'days' | 'percent' | 'signed',
  scale = 1,
): string {
  if (points < MIN_POINTS) return `not enough data (${points} of ${MIN_POINTS} needed)`;
  const digits = unit === 'score' || unit === 'days' ? 1 : 0;
  const n = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: unit === 'signed' ? 'exceptZero' : 'auto',
  }).format((sum / points) * scale);
  if (unit === 'percent') return `${n} %`;
  if (unit === 'days') return `${n} d`;
  return n;
}

/** Every line `/mission-stats 2026` should show for the seed records of one scope, computed from them. */
function expectedLines(missions: SeedMission[], checkins: SeedCheckin[], offboardings: SeedOffboarding[]) {
  const counted = missions.filter((m) => m.status !== 'cancelled');
  const staffing = counted.filter((m) => m.staffingDays !== null);
  const onboarding = counted.filter((m) => m.onboardingDays !== null);
  const sent = checkins.length; // every seeded check-in was delivered
  const answered = checkins.filter((c) => c.answer);
  // HR-only answers count only in whole quarters of 2026 settled by today, with ≥ k distinct people.
  const settled = DateTime.fromJSDate(NOW, { zone: 'Europe/Paris' })
    .minus({ days: HR_SETTLE_DAYS })
    .toISODate();
  const hrPeople = new Map<string, Set<string>>();
  for (const c of answered) {
    if (!c.answer?.hr) continue;
    const set = hrPeople.get(quarterOf(c.day)) ?? new Set();
    set.add(c.freelancerId);
    hrPeople.set(quarterOf(c.day), set);
  }
  const included = (q: string) =>
    (quarterEnd(q) ?? '') < (settled ?? '') && (hrPeople.get(q)?.size ?? 0) >= HR_MIN_PEOPLE;
  let scoreSum = 0;
  let scoreCount = 0;
  let heldBack = 0;
  for (const c of answered) {
    if (!c.answer) continue;
    if (!c.answer.hr || included(quarterOf(c.day))) {
      scoreSum += c.answer.score;
      scoreCount += 1;
    } else heldBack += 1;
  }
  const rate = shown(answered.length, sent, 'percent', 100);
  const low = sent >= MIN_POINTS && answered.length / sent < 0.6;
  const given = offboardings.filter((o) => o.feedback);
  const sumOf = (f: (o: SeedOffboarding) => number, list = given) => list.reduce((s, o) => s + f(o), 0);
  const nps = sumOf((o) => (o.recommend >= 9 ? 1 : o.recommend <= 6 ? -1 : 0));
  const lines = [
    `*Active missions:* ${missions.filter((m) => m.status === 'active').length}`,
    `*Staffing time:* ${shown(
      staffing.reduce((s, m) => s + (m.staffingDays ?? 0), 0),
      staffing.length,
      'days',
    )}`,
    `*Onboarding completion:* ${shown(
      onboarding.reduce((s, m) => s + (m.onboardingDays ?? 0), 0),
      onboarding.length,
      'days',
    )}`,
    `*Check-in response rate:* ${rate}${low ? ' :warning: below 60 %' : ''}`,
    `*Average satisfaction:* ${scoreCount < MIN_POINTS ? shown(scoreSum, scoreCount, 'score') : `${shown(scoreSum, scoreCount, 'score')} /5`}`,
    `*Offboarding feedback* (${given.length}): overall ${shown(
      sumOf((o) => o.feedback?.overall ?? 0),
      given.length,
      'score',
    )} · onboarding ${shown(
      sumOf((o) => o.feedback?.onboarding ?? 0),
      given.length,
      'score',
    )} · communication ${shown(
      sumOf((o) => o.feedback?.communication ?? 0),
      given.length,
      'score',
    )} · recognition ${shown(
      sumOf((o) => o.feedback?.recognition ?? 0),
      given.length,
      'score',
    )} · would work again ${shown(
      sumOf((o) => (o.wouldWorkAgain ? 1 : 0)),
      given.length,
      'percent',
      100,
    )} · NPS ${shown(nps, given.length, 'signed', 100)}`,
    // Every seeded offboarding is closed in 2026, with its evaluation.
    `*Renewal rate:* ${shown(
      sumOf((o) => (o.renewed ? 1 : 0), offboardings),
      offboardings.length,
      'percent',
      100,
    )} · *Rehire rate:* ${shown(
      sumOf((o) => (o.wouldRehire ? 1 : 0), offboardings),
      offboardings.length,
      'percent',
      100,
    )} · *Manager rating:* ${shown(
      sumOf((o) => o.rating, offboardings),
      offboardings.length,
      'score',
    )}`,
  ];
  if (heldBack > 0)
    lines.push(
      `${heldBack} HR-only answer${heldBack === 1 ? '' : 's'} held back (shown once at least ${HR_MIN_PEOPLE}`,
    );
  return { lines, heldBack, hrQuarters: [...hrPeople.keys()].filter(included) };
}

const harness = harnessPerTest('stats_seeded', { now: NOW });

it('on a seeded workspace (50 missions, 600 check-ins, 30 offboardings, 8 renewals) /mission-stats 2026 shows the figures computed from the seed, for an admin and for one manager, and a rebuild changes nothing', async () => {
  const h = harness();
  const rng = new Prng(20261213);
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
  const managers = Array.from({ length: 5 }, (_, i) =>
    newPerson(h, `SDM${i}`, { locale: 'en-US', tz: 'Europe/Paris' }),
  );
  const missions: SeedMission[] = [];
  const checkins: SeedCheckin[] = [];
  const offboardings: SeedOffboarding[] = [];
  const entry = (by: string, action: string) => ({ at: h.clock.now(), by, action });

  // 50 missions started on a Monday of 2026, each with 12 weekly check-ins from its start (600).
  for (let i = 0; i < 50; i++) {
    const freelancerId = newPerson(h, `SDF${i}`, { locale: 'fr-FR', tz: 'Europe/Paris' });
    const managerId = managers[i % managers.length] ?? '';
    const startWeek = rng.int(36);
    const startDate = isoDay(FIRST_MONDAY + startWeek * 7 * 86_400_000);
    const staffing = rng.chance(0.8) ? 5 + rng.int(60) : null;
    const m = await createMission(h.db, {
      freelancerId,
      managerId,
      status: 'onboarding',
      startDate,
      endDate: '2027-06-30',
      needExpressedOn:
        staffing === null ? null : isoDay(Date.parse(`${startDate}T12:00:00Z`) - staffing * 86_400_000),
      checkin: { pausedUntil: '2027-01-01' },
    });
    const seed: SeedMission = {
      id: m._id,
      managerId,
      freelancerId,
      status: 'onboarding',
      startDate,
      staffingDays: staffing,
      onboardingDays: null,
    };
    missions.push(seed);
    if (i % 17 === 3) {
      await changeStatus(h.db, m._id, 'onboarding', 'cancelled', entry(ADMIN_ID, 'cancel'));
      seed.status = 'cancelled';
      continue;
    }
    if (rng.chance(0.85)) {
      const days = 1 + rng.int(20);
      await changeStatus(h.db, m._id, 'onboarding', 'active', entry(freelancerId, 'onboarding completed'), {
        onboardingCompletedAt: new Date(Date.parse(`${startDate}T15:00:00Z`) + days * 86_400_000),
        onboardingDurationDays: days,
      });
      seed.status = 'active';
      seed.onboardingDays = days;
    }
  }
  // 600 check-ins as delivery and answers leave them (dirty): sent, answered (manager or HR only), missed.
  const docs: Record<string, unknown>[] = [];
  for (const [i, m] of missions.entries()) {
    const startWeek = Math.round((Date.parse(`${m.startDate}T09:00:00Z`) - FIRST_MONDAY) / (7 * 86_400_000));
    for (let w = 0; w < 12; w++) {
      const dueAt = new Date(FIRST_MONDAY + (startWeek + w) * 7 * 86_400_000);
      const roll = rng.next();
      const status = roll < 0.68 ? 'answered' : roll < 0.8 ? 'sent' : 'missed';
      const answer = status === 'answered' ? { score: 1 + rng.int(5), hr: rng.chance(0.25) } : null;
      checkins.push({
        managerId: m.managerId,
        freelancerId: m.freelancerId,
        day: isoDay(dueAt.getTime()),
        answer,
      });
      docs.push(
        checkinRecord({
          missionId: m.id,
          week: `2026-W${String(startWeek + w + 2).padStart(2, '0')}-${i}`,
          dueAt,
          freelancerId: m.freelancerId,
          managerId: m.managerId,
          title: `Mission ${i}`,
          status,
          answer: answer && { ...answer, at: new Date(dueAt.getTime() + 3_600_000) },
        }),
      );
    }
  }
  expect(docs).toHaveLength(600);
  await checkinModel(h.db).insertMany(docs);

  // 30 offboardings of started missions, all closed in 2026, 8 of them renewed.
  const ended = missions.filter((m) => m.status !== 'cancelled').slice(0, 30);
  for (const [i, m] of ended.entries()) {
    const missionId = String(m.id);
    const at = (days: number) => new Date(Date.UTC(2026, 5, 1 + i * 5 + days, 10));
    await insertOffboarding(
      h.db,
      startedOffboarding({ missionId, freelancerId: m.freelancerId, managerId: m.managerId }, at(0)),
    );
    const seed: SeedOffboarding = {
      managerId: m.managerId,
      feedback: null,
      wouldWorkAgain: rng.chance(0.7),
      recommend: rng.int(11),
      rating: 1 + rng.int(5),
      wouldRehire: rng.chance(0.6),
      renewed: i % 4 === 1 && i < 32, // 1, 5, 9, …, 29: 8 renewals
    };
    if (rng.chance(0.8)) {
      seed.feedback = {
        overall: 1 + rng.int(5),
        onboarding: 1 + rng.int(5),
        communication: 1 + rng.int(5),
        recognition: 1 + rng.int(5),
      };
      await storeFeedback(h.db, missionId, {
        ...seed.feedback,
        improve: 'more context',
        wouldWorkAgain: seed.wouldWorkAgain,
        recommend: seed.recommend,
        at: at(1),
      });
    } else await markFeedbackNotGiven(h.db, missionId);
    await storeEvaluation(h.db, missionId, {
      rating: seed.rating,
      skills: [],
      recommendation: '',
      shareRecommendation: false,
      privateNote: 'note',
      wouldRehire: seed.wouldRehire,
      renewed: seed.renewed,
      by: m.managerId,
      at: at(2),
    });
    await markClosed(h.db, missionId, at(3));
    offboardings.push(seed);
  }
  expect(offboardings.filter((o) => o.renewed)).toHaveLength(8);

  // The real applier counts everything (200 records per batch; ~75 s here on FerretDB/SQLite for
  // these 680 records, hence the long timeout).
  const dirtyLeft = async () =>
    (await checkinModel(h.db).countDocuments({ rollupDirty: true })) +
    (await missionModel(h.db).countDocuments({ rollupDirty: true })) +
    (await offboardingModel(h.db).countDocuments({ rollupDirty: true }));
  for (let pass = 0; pass < 10 && (await dirtyLeft()) > 0; pass++) await h.deps.scheduler.runPass();
  expect(await dirtyLeft()).toBe(0);
  // Nothing but the seed was delivered meanwhile (the check-in slots are paused).
  expect(await h.db.collection('checkins').countDocuments({ sentAt: { $type: 'date' } })).toBe(600);

  const admin = await answerOf(h, ADMIN_ID, '2026');
  expect(admin).toContain('workspace');
  const ws = expectedLines(missions, checkins, offboardings);
  for (const line of ws.lines) expect(admin).toContain(line);
  expect(ws.hrQuarters.length).toBeGreaterThan(0); // some HR-only answers count for the workspace…
  expect(ws.heldBack).toBeGreaterThan(0); // …and those of the unsettled Q4 are held back

  // One manager sees their missions' figures only.
  const manager = managers[0] ?? '';
  const mine = await answerOf(h, manager, '2026');
  expect(mine).toContain('your missions');
  const own = expectedLines(
    missions.filter((m) => m.managerId === manager),
    checkins.filter((c) => c.managerId === manager),
    offboardings.filter((o) => o.managerId === manager),
  );
  for (const line of own.lines) expect(mine).toContain(line);
  if (own.heldBack === 0) expect(mine).not.toContain('held back');

  // Rebuilt from the raw records, the figures are the same.
  await rebuildStats(h.db, h.deps.features, h.clock);
  expect(await answerOf(h, ADMIN_ID, '2026')).toBe(admin);
  expect(await answerOf(h, manager, '2026')).toBe(mine);
}, 240_000);
