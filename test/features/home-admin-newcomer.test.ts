import { describe, expect, it } from 'vitest';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { auditWorld, homeText, openHome, publishesTo } from '../support/home.js';
import { newPerson } from '../support/people.js';

// The workspace summary counts every mission of the database: a database per test.
describe('the App Home of an admin and of a newcomer', () => {
  const harness = harnessPerTest('home_admin', { now: new Date('2025-03-03T08:00:00Z') });

  it('adds the workspace summary for an admin', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    await auditWorld(h);
    const text = homeText(await openHome(h, ADMIN_ID));
    expect(text).toContain('Workspace summary');
    expect(text).toContain('*3 missions* in the workspace — Onboarding: 1 · Active: 1 · Completed: 1');
    // An admin with no mission of their own also gets the welcome.
    expect(text).toContain('`/mission-start`');
  });

  it('welcomes someone with no mission and no role, explaining Passerelle and /mission-start', async () => {
    const h = harness();
    await auditWorld(h);
    const newcomer = newPerson(h, 'NEWCOME', { name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    const text = homeText(await openHome(h, newcomer));
    expect(text).toContain('Bienvenue dans Passerelle');
    expect(text).toContain('`/mission-start`');
    expect(text).not.toContain('Vue d’ensemble');
    expect(text).not.toContain("Vue d'ensemble de l'espace");
  });

  it('ignores the Messages tab', async () => {
    const h = harness();
    const newcomer = newPerson(h, 'NEWCOME', { name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    const before = h.standin.callsTo('views.publish').length;
    const res = await h.slack.sendEvent({
      type: 'app_home_opened',
      user: newcomer,
      channel: 'D0HOME',
      tab: 'messages',
    });
    expect(res.status).toBe(200);
    // A Home opened right after is the next publish: the Messages tab published nothing.
    await openHome(h, newcomer);
    expect(h.standin.callsTo('views.publish').length).toBe(before + 1);
    expect(publishesTo(h, newcomer)).toHaveLength(1);
  });
});
