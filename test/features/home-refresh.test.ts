import { describe, expect, it } from 'vitest';
import { harnessPerTest } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';

// These tests count every Home published: a harness per test, so every publish is the test's own.
describe('Homes refreshed when a mission changes', () => {
  const harness = harnessPerTest('home_refresh', { now: new Date('2025-03-03T08:00:00Z') });

  it('republishes the Homes of the people a mission.changed names', async () => {
    const h = harness();
    const newcomer = newPerson(h, 'NEWCOME', { name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { name: 'mike', locale: 'en-US', tz: 'America/New_York' });
    await openHome(h, newcomer);
    const before = h.standin.callsTo('views.publish').length;
    await createMission(h.db, {
      title: 'Première mission de Nina',
      freelancerId: newcomer,
      managerId: manager,
    });
    await h.deps.events.emit('mission.changed', { missionId: 'x', userIds: [newcomer, manager, newcomer] });
    const published = h.standin
      .callsTo('views.publish')
      .slice(before)
      .map((c) => c.args.user_id);
    // Once per person, even when named twice.
    expect(published.sort()).toEqual([manager, newcomer].sort());
    expect(homeText(h.standin.home(newcomer))).toContain('*Première mission de Nina*');
    expect(homeText(h.standin.home(manager))).toContain('*Première mission de Nina*');
  });

  it('refreshes after a change even when one of the people cannot get a Home', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'FREEL', { name: 'fanny', locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { name: 'mike', locale: 'en-US', tz: 'America/New_York' });
    await createMission(h.db, {
      title: 'Audit de la plateforme data',
      freelancerId: freelancer,
      managerId: manager,
    });
    const gone = 'UGONE0001'; // not in the directory: Slack refuses its Home
    const before = h.standin.callsTo('views.publish').length;
    await h.deps.events.emit('mission.changed', { missionId: 'x', userIds: [gone, freelancer] });
    const calls = h.standin.callsTo('views.publish').slice(before);
    expect(calls.map((c) => c.args.user_id).sort()).toEqual([freelancer, gone].sort());
    expect(calls.find((c) => c.args.user_id === gone)?.ok).toBe(false);
    expect(homeText(h.standin.home(freelancer))).toContain('Vos missions en cours');
  });
});
