import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import type { Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import {
  type FormOverrides,
  type MissionStartWorld,
  missionStartWorld,
  submitMissionForm,
} from '../support/mission-form.js';
import { newPerson } from '../support/people.js';

/** A form's bad values; people it names are made for the test (the manager themself, a bot…). */
type BadValues = (h: Harness, w: MissionStartWorld) => FormOverrides;

describe('/mission-start refuses a bad form before doing anything', () => {
  const harness = harnessPerFile('missionstart_checks', { now: new Date('2026-01-05T08:00:00Z') });

  const cases: [string, BadValues, string, string][] = [
    [
      'the end is before the start',
      () => ({ end: '2026-01-10' }),
      'end',
      'The end date must be after the start date.',
    ],
    [
      'the dates are more than a year apart',
      () => ({ end: '2027-02-01' }),
      'end',
      'A mission can last one year at most',
    ],
    [
      'the start is more than 30 days ago',
      () => ({ start: '2025-11-20', need_expressed: undefined }),
      'start',
      'more than 30 days ago',
    ],
    [
      'the freelancer is the manager',
      (_h, w) => ({ freelancer: w.manager }),
      'freelancer',
      'You cannot be the freelancer of your own mission.',
    ],
    [
      'the freelancer is a bot',
      (h) => ({ freelancer: newPerson(h, 'BOT', { name: 'robot', isBot: true }) }),
      'freelancer',
      'This is a bot, not a person.',
    ],
    [
      'the freelancer is deactivated',
      (h) => ({ freelancer: newPerson(h, 'GONE', { name: 'gone', deleted: true }) }),
      'freelancer',
      'This account is deactivated.',
    ],
    ['the title is beyond the limit', () => ({ title: 'x'.repeat(151) }), 'title', 'This is too long.'],
    ['the title is missing', () => ({ title: undefined }), 'title', 'Give the mission a title.'],
  ];

  it.each(cases)('refuses the form inline when %s, storing nothing', async (_case, bad, blockId, message) => {
    const h = harness();
    const w = missionStartWorld(h);
    const over = bad(h, w);
    const theirs = [w.manager, w.freelancer, over.freelancer, w.team];
    const count = () => missionModel(h.db).countDocuments({ managerId: w.manager });
    const posts = () =>
      h.standin.callsTo('chat.postMessage').filter((c) => theirs.includes(String(c.args.channel)));
    const missions = await count();
    const messages = posts().length;
    const res = await submitMissionForm(h, w, over);
    expect(res.status).toBe(200);
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[blockId]).toContain(message);
    expect(await count()).toBe(missions);
    expect(posts().length).toBe(messages);
  });
});
