/**
 * `npm run sandbox -- --demo`: a lived-in workspace, seeded by playing the product's real flows
 * through signed requests (commands, modals, buttons) while the clock moves from five weeks ago to
 * today. The steps run in order; a new flow is one more entry at the end of `demoSteps` (offboarding,
 * the talent pool and community events append theirs there).
 */
import { DateTime } from 'luxon';
import { OPEN_CHECKIN } from '../src/features/checkins/answers/ids.js';
import { TOGGLE_ITEM } from '../src/features/onboarding/ids.js';
import { advanceUntil, Player, waitFor } from './player.js';
import type { Sandbox } from './sandbox.js';
import { channels, personOf } from './workspace.js';

/** What a step gets: the sandbox, one Player per seeded person, and the real "now" it ends at. */
export interface DemoContext {
  s: Sandbox;
  maya: Player;
  alice: Player;
  sam: Player;
  ada: Player;
  nora: Player;
  /** The sandbox date as the form's datepickers want it, `days` from now. */
  date(days?: number): string;
  /** Real time: the last step brings the sandbox clock here. */
  today: Date;
}

/** One step of the demo: what the console prints, and what it plays. */
export interface DemoStep {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}

/** Where the demo's clock starts: the Monday five weeks before `today`, 08:30 in Paris. */
export function demoStart(today: Date): Date {
  return DateTime.fromJSDate(today, { zone: 'Europe/Paris' })
    .startOf('week')
    .minus({ weeks: 5 })
    .set({ hour: 8, minute: 30 })
    .toJSDate();
}

const checkinsOf = (p: Player) => p.dm().filter((m) => JSON.stringify(m.blocks ?? []).includes(OPEN_CHECKIN));

/** Opens the freelancer's latest check-in from its DM and answers it. */
async function answerLatestCheckin(p: Player, answers: Record<string, string | null>): Promise<void> {
  const found = p.findButton(OPEN_CHECKIN);
  if (!found) throw new Error(`demo: no check-in to answer for ${p.userId}`);
  const before = p.modal()?.id;
  await p.click(found);
  const errors = await p.submitModal(answers, before);
  if (errors) throw new Error(`demo: check-in answer refused: ${JSON.stringify(errors)}`);
}

/** Ticks the first `count` onboarding items still open in the freelancer's checklist. */
async function tickItems(p: Player, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const found = p.findButton(TOGGLE_ITEM, { primary: true });
    if (!found) return;
    const edits = found.message.edits;
    await p.click(found);
    await waitFor('the checklist update', () => {
      const m = p.dm().find((x) => x.ts === found.message.ts);
      return m && m.edits > edits ? m : undefined;
    });
  }
}

const missedCount = (s: Sandbox, userId: string) =>
  s.db.collection('checkins').countDocuments({ freelancerId: userId, status: 'missed' });

/** The demo, in order. Append new flows at the end. */
export const demoSteps: DemoStep[] = [
  {
    title: 'Past missions: Alice and Sam closed missions before, rated by Maya (the talent pool, and nudges)',
    // Their offboardings happened before the demo's five weeks: they enter as the closing event the
    // offboarding feature emits, which the talent pool and re-engagement record.
    run: async ({ s, maya, alice, sam }) => {
      const past = [
        {
          who: alice,
          title: 'Payments API hardening',
          skills: ['typescript', 'node.js', 'postgresql'],
          rating: 5,
        },
        { who: sam, title: 'Mobile onboarding flow', skills: ['react', 'typescript', 'figma'], rating: 4 },
      ];
      for (const [i, m] of past.entries()) {
        await s.deps.events.emit('mission.closed', {
          missionId: `${'d'.repeat(23)}${i}`,
          freelancerId: m.who.userId,
          managerId: maya.userId,
          title: m.title,
          skills: m.skills,
          closedAt: DateTime.fromJSDate(s.clock.now())
            .minus({ days: 60 + 30 * i })
            .toJSDate(),
          rating: m.rating,
          wouldRehire: true,
          privateNote: `Great on ${m.skills[0]}; would staff again.`,
          renewed: false,
          handover: [],
        });
      }
    },
  },
  {
    title: 'Maya starts “Checkout redesign” with Sam (a guest in New York), in #team-payments',
    run: ({ maya, sam, date }) =>
      maya.commandForm('/mission-start', {
        freelancer: sam.userId,
        title: 'Checkout redesign',
        brief: 'Rework the mobile checkout funnel: fewer steps, Apple Pay, clearer errors.',
        objectives: 'Conversion +10 % on mobile',
        end: date(120),
        channel: channels.team.id,
        skills: 'React, TypeScript, payments',
      }),
  },
  {
    title: 'Maya starts “Design system audit” with Alice (Paris), a short mission',
    run: ({ maya, alice, nora, date }) =>
      maya.commandForm('/mission-start', {
        freelancer: alice.userId,
        title: 'Design system audit',
        brief: 'Inventory the components, find the duplicates, propose a roadmap.',
        end: date(33),
        buddy: nora.userId,
        skills: 'Figma, accessibility',
      }),
  },
  {
    title: 'Sam and Alice tick their first onboarding items',
    run: async ({ sam, alice }) => {
      await tickItems(sam, 2);
      await tickItems(alice, 3);
    },
  },
  {
    title: 'The first check-ins go out; Sam and Alice answer theirs',
    run: async ({ s, sam, alice }) => {
      await advanceUntil(
        s,
        'the first check-ins',
        () => checkinsOf(sam).length >= 1 && checkinsOf(alice).length >= 1,
      );
      await answerLatestCheckin(sam, {
        score: '3',
        progress: 'Mapped the current funnel, drafted the new steps.',
        blockers: 'Still waiting for the payment provider sandbox keys.',
        needs_help: 'yes',
      });
      await answerLatestCheckin(alice, { score: '5', progress: 'Inventory of 140 components done.' });
    },
  },
  {
    title: 'The second week: Sam answers, Alice’s check-in goes unanswered and is missed',
    run: async ({ s, sam, alice }) => {
      await advanceUntil(
        s,
        'the second check-ins',
        () => checkinsOf(sam).length >= 2 && checkinsOf(alice).length >= 2,
      );
      await answerLatestCheckin(sam, { score: '4', progress: 'Keys arrived; Apple Pay works on staging.' });
      await advanceUntil(s, 'Alice’s missed check-in', async () => (await missedCount(s, alice.userId)) > 0);
    },
  },
  {
    title: 'A week ago: Maya starts “Data platform migration” with Alice',
    run: async ({ s, maya, alice, today, date }) => {
      const weekAgo = DateTime.fromJSDate(today).minus({ weeks: 1 }).toJSDate();
      if (s.clock.now() < weekAgo) await s.advance(weekAgo);
      await maya.commandForm('/mission-start', {
        freelancer: alice.userId,
        title: 'Data platform migration',
        brief: 'Move the nightly jobs to the new warehouse.',
        end: date(90),
        channel: channels.team.id,
        skills: 'Python, SQL, Airflow',
      });
    },
  },
  {
    title: 'Back to today: the scheduler catches up (reminders, check-ins, nudges)',
    run: async ({ s, today }) => {
      if (s.clock.now() < today) await s.advance(today);
    },
  },
  {
    title: 'Everyone opens the Home tab',
    run: async (ctx) => {
      for (const p of [ctx.maya, ctx.alice, ctx.sam, ctx.ada, ctx.nora]) await p.openHome();
    },
  },
];

/** Plays the steps in order, yielding each one's title once done. */
export async function* runDemo(s: Sandbox, today = new Date()): AsyncGenerator<string> {
  const player = (role: Parameters<typeof personOf>[0], index = 0) => new Player(s, personOf(role, index).id);
  const ctx: DemoContext = {
    s,
    maya: player('manager'),
    alice: player('freelancer', 0),
    sam: player('freelancer', 1),
    ada: player('admin'),
    nora: player('animator'),
    date: (days = 0) =>
      DateTime.fromJSDate(s.clock.now(), { zone: 'Europe/Paris' }).plus({ days }).toISODate() ?? '',
    today,
  };
  for (const step of demoSteps) {
    await step.run(ctx);
    yield step.title;
  }
}
