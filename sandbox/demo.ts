/**
 * `npm run sandbox -- --demo`: a lived-in workspace, seeded by playing the product's real flows
 * through signed requests (commands, modals, buttons) while the clock moves from five weeks ago to
 * today. The steps run in order; a new flow is one more entry in `demoSteps`.
 */
import { DateTime } from 'luxon';
import { START, WAIVE_ITEM } from '../src/features/offboarding/ids.js';
import {
  answerLatestCheckin,
  checkinsOf,
  confirmNextItem,
  giveEvaluation,
  giveFeedback,
  missedCount,
  rsvp,
  tickItems,
  waiveNextItem,
} from './demo-flows.js';
import { seedHistory } from './demo-history.js';
import { advanceUntil, Player } from './player.js';
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
  /** The same, `days` from `today` (the real date the demo ends at). */
  fromToday(days: number): string;
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

const REDESIGN = 'Checkout redesign';
const AUDIT = 'Design system audit';
const COPY_REVIEW = 'Checkout copy review';
const BREAKFAST = 'Freelance breakfast';

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
    title: `Maya starts “${AUDIT}” with Alice (Paris), a short mission that ends two days before today`,
    run: ({ maya, alice, nora, fromToday }) =>
      maya.commandForm('/mission-start', {
        freelancer: alice.userId,
        title: AUDIT,
        brief: 'Inventory the components, find the duplicates, propose a roadmap.',
        end: fromToday(-2),
        buddy: nora.userId,
        skills: 'Figma, accessibility',
      }),
  },
  {
    title: 'Sam and Alice tick their first onboarding items',
    run: async ({ sam, alice }) => {
      await tickItems(sam, REDESIGN, 2);
      await tickItems(alice, AUDIT, 3);
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
    title:
      'The second week: Sam and Maya finish the onboarding (the mission is active), Sam answers; Alice’s check-in is missed',
    run: async ({ s, maya, sam, alice }) => {
      await advanceUntil(
        s,
        'the second check-ins',
        () => checkinsOf(sam).length >= 2 && checkinsOf(alice).length >= 2,
      );
      await tickItems(sam, REDESIGN, 1);
      await tickItems(maya, REDESIGN, 3);
      await answerLatestCheckin(sam, { score: '4', progress: 'Keys arrived; Apple Pay works on staging.' });
      await advanceUntil(s, 'Alice’s missed check-in', async () => (await missedCount(s, alice.userId)) > 0);
    },
  },
  {
    title: `Before its end, Maya gets the offboarding proposal of “${AUDIT}” and starts it`,
    run: async ({ s, maya }) => {
      await advanceUntil(
        s,
        `the proposal of “${AUDIT}”`,
        () => !!maya.findButton(START, { text: AUDIT }),
        80,
      );
      const proposal = await maya.button(START, { text: AUDIT });
      await maya.andRedrawn(proposal, () => maya.click(proposal));
    },
  },
  {
    title: `Alice hands over “${AUDIT}” and gives her feedback; Maya confirms, waives one item, evaluates: completed`,
    run: async ({ maya, alice }) => {
      await confirmNextItem(
        alice,
        AUDIT,
        'https://drive.example.com/design-audit\nhttps://figma.example.com/ds-v2',
      );
      await confirmNextItem(alice, AUDIT);
      await giveFeedback(alice, AUDIT, {
        overall: '5',
        onboarding: '4',
        communication: '5',
        recognition: '4',
        improve: 'Access to the Figma libraries on day one.',
        again: 'yes',
        recommend: '9',
      });
      await confirmNextItem(maya, AUDIT);
      await waiveNextItem(maya, AUDIT, 'Alice worked on her own laptop.');
      await giveEvaluation(maya, AUDIT, {
        rating: '5',
        skills: 'figma',
        more_skills: 'design tokens, workshops',
        recommendation: 'Alice mapped 140 components in two weeks and left a roadmap the team follows.',
        share: 'share',
        private_note: 'Best with a clear scope; would staff her on the tokens follow-up.',
        rehire: 'yes',
        renewed: 'no',
      });
    },
  },
  {
    title: `A week ago: Maya starts “Data platform migration” with Alice, and “${COPY_REVIEW}” with Sam`,
    run: async ({ s, maya, alice, sam, today, date, fromToday }) => {
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
      await maya.commandForm('/mission-start', {
        freelancer: sam.userId,
        title: COPY_REVIEW,
        brief: 'Rewrite the error and empty-state copy of the checkout.',
        end: fromToday(6),
        channel: channels.team.id,
        skills: 'UX writing, React',
      });
    },
  },
  {
    title: `Nora invites the community to “${BREAKFAST}” in ten days; Alice and Sam go, Ada maybe`,
    run: async ({ nora, alice, sam, ada, fromToday }) => {
      await nora.commandForm('/event-invite', {
        community_title: BREAKFAST,
        community_description: 'Croissants, coffee and what everyone is working on.',
        community_date: fromToday(10),
        community_time: '09:00',
        community_duration: '90',
        community_place: 'Paris office, 5th floor',
        community_capacity: '20',
      });
      await rsvp(alice, BREAKFAST, 'going');
      await rsvp(sam, BREAKFAST, 'going');
      await rsvp(ada, BREAKFAST, 'maybe');
    },
  },
  {
    title: 'Back to today: the scheduler catches up (reminders, check-ins, nudges)',
    run: async ({ s, today }) => {
      if (s.clock.now() < today) await s.advance(today);
    },
  },
  {
    title:
      'The quarter before: six other freelancers’ missions with Maya (renewals among them), their weekly check-ins and offboardings, and five community events that took place',
    run: ({ s }) => seedHistory(s),
  },
  {
    title: `Today: Maya ends “${COPY_REVIEW}” early (/mission-end); Sam hands over his deliverables, Maya the access`,
    run: async ({ maya, sam }) => {
      await maya.command('/mission-end copy review');
      await maya.button(WAIVE_ITEM, { text: COPY_REVIEW });
      await confirmNextItem(sam, COPY_REVIEW, 'https://docs.example.com/checkout-copy');
      await confirmNextItem(maya, COPY_REVIEW);
    },
  },
  {
    title: 'Ada (admin) and Maya (manager) read /mission-stats 90d: the workspace, and Maya’s missions',
    run: async ({ s, ada, maya }) => {
      // The figures are counted by the scheduler's pass (the analytics worker), as every minute.
      await s.deps.scheduler.runPass();
      for (const p of [ada, maya]) await p.andAnswered(() => p.command('/mission-stats 90d'));
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
    fromToday: (days) =>
      DateTime.fromJSDate(today, { zone: 'Europe/Paris' }).plus({ days }).toISODate() ?? '',
    today,
  };
  for (const step of demoSteps) {
    await step.run(ctx);
    yield step.title;
  }
}
