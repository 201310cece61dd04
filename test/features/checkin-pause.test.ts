import { describe, expect, it } from 'vitest';
import { findMission } from '../../src/features/missions/repository.js';
import { answerMission, answerPeople, reloadCheckin, sentCheckin } from '../support/checkin-answers.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newPerson } from '../support/people.js';

describe('/checkin pause and resume', () => {
  const harness = harnessPerFile('checkin_pause', { now: new Date('2026-03-09T10:00:00Z') });

  it('pause skips the scheduled check-ins inside it (in the mission zone); resume puts the future ones back', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const at = (iso: string, week: string, status: 'scheduled' | 'skipped' = 'scheduled') =>
      sentCheckin(h, m, {
        week,
        dueAt: new Date(iso),
        status,
        sentAt: null,
        outcome: status === 'skipped' ? 'paused' : null,
      });
    const past = await at('2026-03-02T09:00:00Z', '2026-W10', 'skipped');
    const lastDay = await at('2026-03-20T22:30:00Z', '2026-W12'); // 23:30 in Paris on the 20th
    const nextDay = await at('2026-03-20T23:30:00Z', '2026-W13'); // 00:30 in Paris on the 21st
    const later = await at('2026-04-06T08:00:00Z', '2026-W15');
    const statusOf = async () =>
      Promise.all([past, lastDay, nextDay, later].map(async (c) => (await reloadCheckin(h, c._id)).status));
    const command = (text: string) => ephemeralAnswer(h, '/checkin', text, people.freelancer);

    expect(await command('pause until 2026-03-20')).toContain(
      "Points en pause jusqu'au vendredi 20 mars 2026 (inclus) pour votre mission.\n1 point prévu ne sera pas envoyé.",
    );
    expect((await findMission(h.db, m._id.toString()))?.checkin.pausedUntil).toBe('2026-03-20');
    expect(await statusOf()).toEqual(['skipped', 'skipped', 'scheduled', 'scheduled']);
    expect((await reloadCheckin(h, lastDay._id)).outcome).toBe('paused');

    expect(await command('pause')).toContain("Points en pause jusqu'à nouvel ordre pour votre mission.");
    expect(await statusOf()).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(await command('')).toContain("Vos points sont en pause jusqu'à nouvel ordre.");

    expect(await command('resume')).toBe('Points repris.\n3 points à venir sont de nouveau prévus.');
    const resumed = await findMission(h.db, m._id.toString());
    expect(resumed?.checkin.pausedUntil).toBeNull();
    expect(resumed?.history.map((e) => e.action)).toEqual([
      'checkins.paused',
      'checkins.paused',
      'checkins.resumed',
    ]);
    expect(await statusOf()).toEqual(['skipped', 'scheduled', 'scheduled', 'scheduled']);
    expect((await reloadCheckin(h, later._id)).outcome).toBeNull();

    expect(await command('pause until 2026-03-01')).toBe(
      "Cette date est passée : choisissez aujourd'hui ou une date ultérieure.",
    );
    expect(await command('resume')).toBe('Vos points ne sont pas en pause.');
  });

  it('/checkin help lists the subcommands; an unknown one or a bad date says so', async () => {
    const h = harness();
    const nina = newPerson(h, 'NOMISFR', { name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    const nick = newPerson(h, 'NOMISEN', { name: 'nick', locale: 'en-US', tz: 'Europe/London' });
    const help = await h.slack.sendCommand({ command: '/checkin', text: 'help', userId: nick });
    const body = help.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('`/checkin pause [until YYYY-MM-DD]`');
    expect(body.text).toContain('`/checkin resume`');
    const unknown = (
      await h.slack.sendCommand({ command: '/checkin', text: 'snooze <!channel>', userId: nina })
    ).json() as { text: string };
    expect(unknown.text.split('\n')[0]).toBe('Je ne connais pas `snooze`.');
    expect(unknown.text).toContain('`/checkin resume` — reprendre vos points');
    const bad = (
      await h.slack.sendCommand({ command: '/checkin', text: 'pause until 2026-02-30', userId: nick })
    ).json() as { text: string };
    expect(bad.text).toContain("I can't read `2026-02-30` as a date");
  });
});
