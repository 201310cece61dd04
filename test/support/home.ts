import { expect } from 'vitest';
import { planMission } from '../../src/features/checkins/planning/service.js';
import type { Mission } from '../../src/features/missions/model.js';
import { startOnboarding } from '../../src/features/onboarding/index.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import { createMission } from './missions.js';
import { newPerson } from './people.js';
import type { Json } from './slack-standin.js';

/** The parts of a Home block the tests look at. */
export interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: string }[];
  accessory?: { type: string; action_id: string; value: string; text: { text: string } };
}

/** A view's blocks. */
export function blocksOf(view: Json | undefined): Block[] {
  return (view?.blocks ?? []) as Block[];
}

/** Every text of a Home (headers, sections, contexts, buttons), one line per block. */
export function homeText(view: Json | undefined): string {
  return blocksOf(view)
    .map((b) =>
      [b.text?.text, ...(b.elements ?? []).map((e) => e.text), b.accessory?.text.text]
        .filter((x) => x !== undefined)
        .join(' '),
    )
    .join('\n');
}

/** The views.publish calls Slack accepted for one user. */
export function publishesTo(h: Harness, userId: string) {
  return h.standin.callsTo('views.publish').filter((c) => c.args.user_id === userId && c.ok);
}

/** Opens the Home tab as Slack does and waits for a publish to this user newer than the last one. */
export async function openHome(h: Harness, userId: string): Promise<Json | undefined> {
  const before = publishesTo(h, userId).length;
  const res = await h.slack.sendEvent({
    type: 'app_home_opened',
    user: userId,
    channel: 'D0HOME',
    tab: 'home',
  });
  expect(res.status).toBe(200);
  // Wait for this user's publish: a refresh for someone else may land in between.
  await eventually(() =>
    expect(publishesTo(h, userId).length, `Home publishes to ${userId}`).toBeGreaterThan(before),
  );
  return h.standin.home(userId);
}

/** The people and missions of a Home: an audit in onboarding (checklist started, check-ins planned), … */
export interface AuditWorld {
  freelancer: string;
  manager: string;
  /** Onboarding, freelancer and manager above; started 3 March 2025. */
  audit: Mission;
  /** Active, the same manager, another freelancer. */
  refonte: Mission;
}

/**
 * A French freelancer (Paris) and an English manager (New York) with: the audit (onboarding
 * started, check-ins planned, as /mission-start leaves it), an old completed mission of theirs,
 * and an active mission of the manager's with another freelancer.
 */
export async function auditWorld(h: Harness): Promise<AuditWorld> {
  const freelancer = newPerson(h, 'FREEL', { name: 'fanny', locale: 'fr-FR', tz: 'Europe/Paris' });
  const manager = newPerson(h, 'MGR', { name: 'mike', locale: 'en-US', tz: 'America/New_York' });
  const other = newPerson(h, 'OTHER', { name: 'olga', locale: 'fr-FR', tz: 'Europe/Paris' });
  const people = { freelancerId: freelancer, managerId: manager };
  const audit = await createMission(h.db, { ...people, title: 'Audit de la plateforme data' });
  await startOnboarding(h.deps, audit);
  // What /mission-start does after storing it: its check-ins are planned.
  await planMission(h.deps, audit._id, h.clock.now());
  await createMission(h.db, {
    ...people,
    title: 'Old finished job',
    status: 'completed',
    startDate: '2024-01-08',
  });
  const refonte = await createMission(h.db, {
    ...people,
    title: 'Refonte du site',
    status: 'active',
    freelancerId: other,
  });
  return { freelancer, manager, audit, refonte };
}
