/**
 * The demo's quarter before today: six other freelancers with Maya over the last ninety days (two
 * missions each, the second a renewal for some), their weekly check-ins, offboardings with feedback
 * and evaluation, and the community's past events. Played flows take seconds each, so this history
 * is written as the app writes it — its repositories and models (inserts marked for counting, status
 * changes, the offboarding's feedback / evaluation / closing), and `mission.closed` for the talent
 * pool and re-engagement — then counted by the real analytics applier. Enough of everything that each
 * figure of `/mission-stats 90d` and of the admin Home's 30 days is a number (≥ 5 data points).
 */
import { DateTime } from 'luxon';
import { checkinModel } from '../src/features/checkins/model.js';
import { answerModel, eventModel } from '../src/features/community/model.js';
import type { Mission } from '../src/features/missions/model.js';
import { changeStatus, insertMission, linkNextMission } from '../src/features/missions/repository.js';
import {
  insertOffboarding,
  markClosed,
  storeEvaluation,
  storeFeedback,
} from '../src/features/offboarding/repository.js';
import { DIRTY } from '../src/rollups.js';
import type { Sandbox } from './sandbox.js';
import { channels, pastFreelancers, people } from './workspace.js';

const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const PROJECTS = [
  ['Search relevance tuning', 'Python, Elasticsearch', 'Search ranking v2'],
  ['Billing service split', 'Go, PostgreSQL', 'Invoices API'],
  ['Onboarding emails', 'UX writing, Braze', 'Lifecycle emails'],
  ['Warehouse cost review', 'SQL, dbt', 'dbt models cleanup'],
  ['Android checkout', 'Kotlin, Android', 'Android wallet'],
  ['Design tokens', 'Figma, CSS', 'Tokens in the apps'],
] as const;

const EVENTS = [
  { daysAgo: 55, title: 'Summer drinks' },
  { daysAgo: 27, title: 'Lunch & learn: accessibility' },
  { daysAgo: 20, title: 'Friday demo: search' },
  { daysAgo: 13, title: 'Freelance breakfast (October)' },
  { daysAgo: 6, title: 'Pairing afternoon' },
  { daysAgo: 2, title: 'Friday demo: checkout' },
] as const;

/** Mondays 10:00 in Paris from `from` to `to`, never after `now`. */
function mondays(from: DateTime, to: DateTime, now: Date): Date[] {
  const out: Date[] = [];
  let d = from.startOf('week').set({ hour: 10 });
  if (d < from) d = d.plus({ weeks: 1 });
  for (; d <= to && d.toJSDate() <= now; d = d.plus({ weeks: 1 })) out.push(d.toJSDate());
  return out;
}

/** Writes the quarter before the sandbox's `now` (the demo's last step brought it to today). */
export async function seedHistory(s: Sandbox): Promise<void> {
  const now = s.clock.now();
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const maya = people.find((p) => p.role === 'manager')?.id ?? '';
  const day = (d: DateTime) => d.toISODate() ?? '';
  const checkins: Record<string, unknown>[] = [];

  for (const [k, f] of pastFreelancers.entries()) {
    const [firstTitle, skills, secondTitle] = PROJECTS[k] ?? PROJECTS[0];
    const renewed = k % 2 === 0;
    // The first mission from about ninety days ago; the second (a renewal for some) from the last month to today.
    const secondStart = today.minus({ days: 29 - k });
    const spans = [
      { title: firstTitle, start: today.minus({ days: 96 - k * 2 }), end: secondStart.minus({ days: 1 }) },
      { title: secondTitle, start: secondStart, end: today },
    ];
    let previous: Mission | null = null;
    for (const [n, span] of spans.entries()) {
      const closedAt =
        n === 0 ? span.end.set({ hour: 17 }).toJSDate() : new Date(now.getTime() - (10 + 5 * k) * 60_000);
      const mission = await insertMission(s.db, {
        creationKey: `demo-history-${f.id}-${n}`,
        title: span.title,
        brief: `${span.title}, with the team.`,
        objectives: '',
        freelancerId: f.id,
        managerId: maya,
        buddyId: null,
        channelId: channels.team.id,
        skills: skills.split(', ').map((x) => x.toLowerCase()),
        startDate: day(span.start),
        endDate: day(span.end),
        needExpressedOn: day(span.start.minus({ days: 9 + 3 * k + 4 * n })),
        previousMissionId: previous ? String(previous._id) : null,
        templateKey: 'default',
        freelancerLocale: null,
        status: 'onboarding',
        history: [{ at: span.start.toJSDate(), by: maya, action: 'mission started' }],
        checkin: {
          weekday: 1,
          time: '10:00',
          timezone: f.tz,
          timezoneAssumed: false,
          country: null,
          workingDays: [],
          pausedUntil: null,
        },
      });
      if (mission === 'duplicate') continue;
      const id = String(mission._id);
      if (previous)
        await linkNextMission(s.db, previous._id, mission._id, {
          at: span.start.toJSDate(),
          by: maya,
          action: 'renewed',
        });
      const onboardingDays = 2 + ((k + n) % 4);
      const entry = (at: Date, action: string) => ({ at, by: f.id, action });
      const onboarded = span.start.plus({ days: onboardingDays }).set({ hour: 15 }).toJSDate();
      await changeStatus(
        s.db,
        mission._id,
        'onboarding',
        'active',
        entry(onboarded, 'onboarding completed'),
        {
          onboardingCompletedAt: onboarded,
          onboardingDurationDays: onboardingDays,
        },
      );
      for (const dueAt of mondays(span.start, span.end, now)) {
        // One person at most misses a given week's check-in (each week stays above five answers).
        const week = Math.floor(dueAt.getTime() / (7 * DAY_MS));
        const missed = week % 12 === 2 * k;
        const score = 3 + ((k + week) % 3);
        checkins.push({
          missionId: mission._id,
          week: DateTime.fromJSDate(dueAt, { zone: ZONE }).toFormat("kkkk-'W'WW"),
          dueAt,
          freelancerId: f.id,
          managerId: maya,
          title: span.title,
          locale: f.locale.slice(0, 2),
          zone: f.tz,
          country: 'FR',
          lane: 0,
          status: missed ? 'missed' : 'answered',
          sentAt: dueAt,
          ...(missed
            ? { outcome: 'unanswered' }
            : {
                answeredAt: new Date(dueAt.getTime() + 3 * 3_600_000),
                answer: {
                  score,
                  progress: 'On track.',
                  blockers: '',
                  needsHelp: false,
                  note: '',
                  visibility: 'manager',
                  extra: {},
                },
              }),
          ...DIRTY,
        });
      }
      // The offboarding: started three days before the end, feedback, evaluation, closed.
      const started = new Date(closedAt.getTime() - 3 * DAY_MS);
      await changeStatus(s.db, mission._id, 'active', 'offboarding', entry(started, 'offboarding started'));
      await insertOffboarding(s.db, {
        missionId: id,
        freelancerId: f.id,
        managerId: maya,
        startedAt: started,
        startedBy: maya,
        feedbackState: 'pending',
        feedback: null,
        evaluationGiven: false,
        evaluation: null,
        closed: false,
        closedAt: null,
        remindAt: null,
        feedbackRemindedIn: null,
        evaluationRemindedIn: null,
      });
      const recommend = [10, 9, 8, 9, 7, 10][k] ?? 8;
      await storeFeedback(s.db, id, {
        overall: 4 + ((k + n) % 2),
        onboarding: 3 + ((k + n) % 3),
        communication: 4 + (k % 2),
        recognition: 3 + ((k + 1) % 3),
        improve: '',
        wouldWorkAgain: k !== 4,
        recommend,
        at: new Date(closedAt.getTime() - 2 * DAY_MS),
      });
      const rating = 4 + ((k + n) % 2);
      const evaluation = {
        rating,
        skills: [],
        recommendation: '',
        shareRecommendation: false,
        privateNote: '',
        wouldRehire: true,
        renewed: n === 0 && renewed,
        by: maya,
        at: new Date(closedAt.getTime() - DAY_MS),
      };
      await storeEvaluation(s.db, id, evaluation);
      await markClosed(s.db, id, closedAt);
      await changeStatus(s.db, mission._id, 'offboarding', 'completed', entry(closedAt, 'mission closed'));
      await s.deps.events.emit('mission.closed', {
        missionId: id,
        freelancerId: f.id,
        managerId: maya,
        title: span.title,
        skills: mission.skills,
        closedAt,
        rating,
        wouldRehire: true,
        privateNote: '',
        renewed: evaluation.renewed,
        handover: [],
      });
      previous = n === 0 && renewed ? mission : null;
    }
  }
  await checkinModel(s.db).insertMany(checkins);

  // The community's past events, each with who said they were going.
  const nora = people.find((p) => p.role === 'animator')?.id ?? '';
  const everyone = [...people, ...pastFreelancers].map((p) => p.id);
  for (const [i, e] of EVENTS.entries()) {
    const startsAt = today.minus({ days: e.daysAgo }).set({ hour: 18, minute: 30 }).toJSDate();
    const event = await eventModel(s.db).create({
      creationKey: `demo-history-event-${i}`,
      createdBy: nora,
      status: 'open',
      title: e.title,
      description: '',
      startsAt,
      timezone: ZONE,
      durationMinutes: 90,
      place: 'Paris office, 5th floor',
      capacity: null,
      channelId: channels.community.id,
      ...DIRTY,
    });
    const going = everyone.filter((_, j) => (j + i) % 3 !== 0);
    await answerModel(s.db).insertMany(
      going.map((userId) => ({
        eventId: event._id,
        userId,
        status: 'going',
        answeredAt: new Date(startsAt.getTime() - 5 * DAY_MS),
      })),
    );
  }
}
