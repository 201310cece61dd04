import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { eventually } from '../support/eventually.js';
import { livedEveryFlow } from '../support/every-flow.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { ephemeralAnswer } from '../support/passes.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Section = { description: string } & Record<string, Json>;

/** `/passerelle my-data` as `userId`: the JSON file it sends by DM, parsed. */
async function myData(h: Harness, userId: string): Promise<Record<string, Section>> {
  await ephemeralAnswer(h, '/passerelle', 'my-data', userId);
  const file = await eventually(() => {
    const f = h.standin.files.find((x) => x.completed && x.channelId === h.standin.state.dmFor(userId));
    if (!f?.content) throw new Error('no file in the DM yet');
    return f;
  });
  return JSON.parse(file.content?.toString('utf8') ?? '{}') as Record<string, Section>;
}

/** Every key of a JSON value, deep, with its path. */
function keysOf(value: Json, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...keysOf(v, `${at}.${k}`)]);
  }
  return [];
}

/** Every string of a JSON value, deep. */
function stringsOf(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('the data-access file (/passerelle my-data, docs/my-data.md)', () => {
  const harness = harnessPerTest('privacyexport', { now: new Date('2026-01-05T08:00:00Z') });

  it('is a documented JSON in the person’s language: about, one described section per kind, no database keys, dates in their zone, every kind of record present', async () => {
    const h = harness();
    const { freelancer, manager, said } = await livedEveryFlow(h);
    const data = await myData(h, freelancer.id);

    const section = (name: string): Section => {
      const found = data[name];
      if (!found) throw new Error(`no section ${name} in ${Object.keys(data).join(', ')}`);
      return found;
    };
    // No database bookkeeping anywhere.
    const keys = keysOf(data as Json);
    expect(keys.filter((k) => /\.(_id|__v|rollup\w*|claim\w*|lane)$/.test(k))).toEqual([]);
    // What the file is, in French, when it was made (their zone: Paris is at +02:00 in July).
    expect(section('about').description).toContain('Tout ce que Passerelle conserve sur vous');
    expect(section('about').generatedAt).toBe('2026-07-28T12:00:00+02:00');
    expect(data.about).toMatchObject({ person: freelancer.id, language: 'fr', timeZone: 'Europe/Paris' });
    // Each section says what it holds, in French.
    const sections = [
      'slackProfile',
      'missions',
      'onboardingItems',
      'checkins',
      'offboarding',
      'talentProfile',
      'events',
      'preferences',
      'reengagement',
      'reminderDigests',
      'queuedWork',
      'auditTrail',
    ];
    expect(Object.keys(data)[0]).toBe('about');
    expect(Object.keys(data).sort()).toEqual(['about', ...sections].sort());
    for (const name of sections) {
      const key = `privacy.export.section.${name}` as Parameters<typeof t>[1];
      expect(data[name]?.description, name).toBe(t('fr', key));
    }
    // Every date-time is ISO 8601 with Paris's offset, never UTC's `Z`.
    const stamps = stringsOf(data as Json).filter((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(s));
    expect(stamps.length).toBeGreaterThan(20);
    expect(stamps.filter((s) => !/[+-]0[12]:00$/.test(s))).toEqual([]);

    // A known value of each kind.
    const text = JSON.stringify(data);
    const missions = section('missions').missions as {
      youWere: string;
      brief: string;
      handoverCard: Json[];
    }[];
    expect(missions[0]).toMatchObject({
      youWere: 'freelancer',
      brief: 'Reprendre le tunnel de paiement mobile.',
    });
    expect(JSON.stringify(missions[0]?.handoverCard)).toContain(said.link);
    expect(section('onboardingItems').items).toEqual(
      expect.arrayContaining([expect.objectContaining({ tickedByYou: true, done: true })]),
    );
    const checkin = (section('checkins').checkins as { answers: { question: string; answer: Json }[] }[])[0];
    expect(checkin?.answers).toEqual(
      expect.arrayContaining([
        { question: t('fr', 'checkins.question.progress'), answer: said.progress },
        { question: t('fr', 'checkins.question.blockers'), answer: said.blockers },
        { question: t('fr', 'checkins.question.needsHelp'), answer: true },
      ]),
    );
    const offboarding = (section('offboarding').asFreelancer as Record<string, Record<string, Json>>[])[0];
    expect(offboarding?.yourFeedback).toMatchObject({ state: 'given', improve: said.improve, recommend: 9 });
    expect(offboarding?.evaluationAboutYou).toMatchObject({
      recommendation: said.recommendation,
      privateNoteForFutureManagers: said.privateNote,
      rating: 5,
    });
    expect(section('talentProfile').profile).toMatchObject({ contactEmail: said.email, missionsDone: 1 });
    expect(JSON.stringify(section('talentProfile').profile)).toContain(said.skill);
    expect(section('events').yourAnswers).toEqual([
      expect.objectContaining({ answer: 'going', holdsASeat: true }),
    ]);
    expect(data.preferences).toMatchObject({ muted: ['digests'], snoozedUntil: null });
    expect(section('reengagement').yourMissionsThatEndedWell).toHaveLength(1);
    expect(section('slackProfile').name).toBe('Alice');
    // The manager is named by id (who your manager was), nothing they typed about anyone else is.
    expect(text).toContain(manager.id);
  });
});
