import { describe, expect, it } from 'vitest';
import { startOnboarding } from '../../src/features/onboarding/index.js';
import type { Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newPerson } from '../support/people.js';

interface Ack {
  text?: string;
  blocks?: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}

function ackText(body: Ack): string {
  return (body.blocks ?? [])
    .map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '')
    .join('\n');
}

async function missionsOf(h: Harness, userId: string): Promise<string> {
  const res = await h.slack.sendCommand({ command: '/missions', text: '', userId });
  expect(res.status).toBe(200);
  return ackText((await res.json()) as Ack);
}

function pair(h: Harness) {
  return {
    manager: newPerson(h, 'MGR', { locale: 'en-US', tz: 'America/New_York' }),
    freelancer: newPerson(h, 'FREEL', { locale: 'fr-FR', tz: 'Europe/Paris' }),
  };
}

/** The lines of a text that name a mission title (its row and the line under it). */
function rowOf(text: string, title: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === `*${title}*`);
  if (at < 0) throw new Error(`no row for ${title} in:\n${text}`);
  return `${lines[at]}\n${lines[at + 1] ?? ''}`;
}

describe('what the Home and /missions say of a mission’s state', () => {
  const harness = harnessPerFile('home_state', { now: new Date('2025-03-05T09:00:00Z') });

  it('a mission ended during its onboarding shows its offboarding phase and the onboarding as it was left, never “complete”', async () => {
    const h = harness();
    const { manager, freelancer } = pair(h);
    const m = await createMission(h.db, { managerId: manager, freelancerId: freelancer, title: 'Early end' });
    await startOnboarding(h.deps, m);
    expect(await ephemeralAnswer(h, '/mission-end', String(m._id), manager)).toContain('Offboarding started');

    const managerHome = rowOf(homeText(await openHome(h, manager)), 'Early end');
    expect(managerHome).toContain('Offboarding · ');
    expect(managerHome).toContain('Onboarding left unfinished at 0/6');
    expect(managerHome).not.toContain('Onboarding complete');

    const freelancerHome = rowOf(homeText(await openHome(h, freelancer)), 'Early end');
    expect(freelancerHome).toContain('Onboarding laissé inachevé à 0/6');
    expect(freelancerHome).not.toContain('Onboarding terminé');

    const listed = rowOf(await missionsOf(h, manager), 'Early end');
    expect(listed).toContain('Onboarding left unfinished at 0/6');
    expect(listed).not.toContain('Onboarding complete');
  });

  it('lists completed missions on the Home, most recent first, with “and N more” past the first few', async () => {
    const h = harness();
    const { manager, freelancer } = pair(h);
    for (let i = 1; i <= 8; i += 1) {
      await createMission(h.db, {
        managerId: manager,
        freelancerId: freelancer,
        title: `Done job ${i}`,
        status: 'completed',
        startDate: `2024-0${i}-01`,
        endDate: `2024-0${i}-20`,
      });
    }
    const text = homeText(await openHome(h, manager));
    expect(text).toContain('Completed missions');
    const order = [...text.matchAll(/Done job (\d)/g)].map((x) => x[1]);
    expect(order).toEqual(['8', '7', '6', '5', '4']);
    expect(text).toContain('…and 3 more — `/missions` lists them all');

    const theirs = homeText(await openHome(h, freelancer));
    expect(theirs).toContain('Missions terminées');
    expect([...theirs.matchAll(/Done job (\d)/g)].map((x) => x[1])).toEqual(['8', '7', '6', '5', '4']);
    expect(theirs).toContain('…et 3 autres — `/missions` les liste toutes');
  });

  it('/missions lists closed missions most recent first, after the open ones', async () => {
    const h = harness();
    const { manager, freelancer } = pair(h);
    const people = { managerId: manager, freelancerId: freelancer };
    await createMission(h.db, {
      ...people,
      title: 'Closed long ago',
      status: 'completed',
      startDate: '2024-01-01',
      endDate: '2024-12-20',
    });
    await createMission(h.db, {
      ...people,
      title: 'Closed lately',
      status: 'completed',
      startDate: '2023-01-01',
      endDate: '2025-02-20',
    });
    await createMission(h.db, {
      ...people,
      title: 'Still running',
      status: 'active',
      startDate: '2022-01-01',
      endDate: '2025-12-20',
    });
    const text = await missionsOf(h, manager);
    const order = ['Still running', 'Closed lately', 'Closed long ago'].map((t) => text.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
