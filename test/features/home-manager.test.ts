import { describe, expect, it } from 'vitest';
import type { MissionStatus } from '../../src/features/missions/rules.js';
import { itemsOf } from '../../src/features/onboarding/index.js';
import { toggleItem } from '../../src/features/onboarding/toggle/service.js';
import { sentCheckin, storedAnswer } from '../support/checkin-answers.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { auditWorld, blocksOf, homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';

describe("the manager's App Home", () => {
  const harness = harnessPerFile('home_manager', { now: new Date('2025-03-03T08:00:00Z') });

  it('shows the manager each mission’s latest check-in: score and blocker, or only that it is HR-only', async () => {
    const h = harness();
    const { manager, audit, refonte } = await auditWorld(h);
    await sentCheckin(h, audit, {
      week: '2025-W09',
      status: 'answered',
      answer: storedAnswer({ score: 2, blockers: 'No VPN access', visibility: 'manager' }),
    });
    await sentCheckin(h, refonte, {
      week: '2025-W09',
      status: 'answered',
      answer: storedAnswer({ score: 1, blockers: 'Secret', visibility: 'hr' }),
    });
    const text = homeText(await openHome(h, manager));
    expect(text).toContain('last check-in 2/5 · ⚠️ blocker');
    const hrLine = text.split('\n').find((l) => l.includes('last check-in shared with HR only'));
    expect(hrLine).toBeDefined();
    expect(text).not.toContain('1/5');
    expect(text).not.toContain('Secret');
  });

  it('shows the manager the missions they manage with progress and a status summary, in English', async () => {
    const h = harness();
    const { freelancer, manager, audit } = await auditWorld(h);
    // The freelancer has ticked one of their items.
    const first = (await itemsOf(h.deps, audit._id.toString(), 'fr')).find((i) => i.owner === 'freelancer');
    if (!first) throw new Error('the default template has freelancer items');
    await toggleItem(h.deps, { itemId: first.id, userId: freelancer });
    const text = homeText(await openHome(h, manager));
    expect(text).toContain('Missions you manage');
    expect(text).toContain('*3 missions* in all — Onboarding: 1 · Active: 1 · Completed: 1');
    expect(text).toContain('*Audit de la plateforme data*');
    expect(text).toContain(
      `Onboarding · 3 March 2025 → 27 June 2025 · Freelancer: <@${freelancer}> · Onboarding 1/6`,
    );
    expect(text).toContain('Active · ');
    expect(text).toContain('Onboarding complete');
    // Completed missions are counted, and listed apart from the open ones.
    expect(text).toContain('*Completed missions*\n*Old finished job* · ended 27 June 2025 · Freelancer: <@');
    // The manager's own half of the checklist.
    expect(text).toContain('Your open checklist items');
    expect(text).not.toContain('Workspace summary');
  });

  it('keeps a manager of 120 missions within 100 blocks, pointing to /missions for the rest', async () => {
    const h = harness();
    const busy = newPerson(h, 'BUSY', { name: 'busy', locale: 'en-US', tz: 'Europe/London' });
    const statuses: MissionStatus[] = ['onboarding', 'active', 'offboarding', 'completed', 'cancelled'];
    for (let i = 0; i < 120; i++) {
      await createMission(h.db, {
        title: `Busy mission ${i}`,
        managerId: busy,
        freelancerId: `UFRL${String(i).padStart(5, '0')}`,
        status: statuses[i % statuses.length] ?? 'active',
        startDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
      });
    }
    const view = await openHome(h, busy);
    const blocks = blocksOf(view);
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = homeText(view);
    expect(text).toContain(
      '*120 missions* in all — Onboarding: 24 · Active: 24 · Offboarding: 24 · Completed: 24 · Cancelled: 24',
    );
    // 72 open missions, 15 listed.
    expect(text).toContain('57 more open missions — use `/missions` to see them all');
    expect(blocks.filter((b) => b.text?.text.startsWith('*Busy mission')).length).toBe(15);
  });
});
