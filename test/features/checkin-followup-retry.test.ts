import { describe, expect, it } from 'vitest';
import { FOLLOWUP_JOB } from '../../src/features/checkins/followups/service.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import {
  answer,
  answerMission,
  answerPeople,
  dmsAbout,
  said,
  sentCheckin,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';

// Scheduler passes run every due job and plan every mission of the database: a database of its own.
describe('check-in follow-ups when Slack refuses one', () => {
  const harness = harnessPerTest('checkin_retry', { now: new Date('2026-03-09T10:00:00Z') });

  it('a summary Slack refuses is retried by the job runner, not lost, and goes once', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const c = await sentCheckin(h, m);
    h.standin.failNext('chat.postMessage', 'internal_error', {
      times: 1,
      where: (args) => args.channel === people.manager,
    });
    await submitCheckin(h, c, people.freelancer, answer({ score: '4' }));
    const job = await eventually(async () => {
      const jobs = await jobModel(h.db).find({ name: FOLLOWUP_JOB }).lean().exec();
      const j = jobs.find((x) => x.key.includes(c._id.toString()));
      if (j?.status !== 'pending' || !j.lastError) {
        throw new Error(
          `follow-up not failed yet: ${j ? `${j.status}, last error ${j.lastError}` : 'not queued'}`,
        );
      }
      return j;
    });
    expect(job.lastError).toContain('internal_error');
    expect(dmsAbout(h, people.manager, m.title)).toEqual([]);

    const start = h.clock.now();
    // The runner's first retry comes 30 s later: the next scheduler pass sends it.
    await passAt(h, new Date(start.getTime() + 10_000).toISOString());
    expect(dmsAbout(h, people.manager, m.title)).toEqual([]);
    await passAt(h, new Date(start.getTime() + 60_000).toISOString());
    await passAt(h, new Date(start.getTime() + 60_000).toISOString());
    const toManager = dmsAbout(h, people.manager, m.title);
    expect(toManager).toHaveLength(1);
    expect(said(toManager[0])).toContain(`Check-in — ${m.title}`);
  });
});
