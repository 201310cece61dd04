import { describe, expect, it } from 'vitest';
import { OPEN_CHECKIN } from '../../src/features/checkins/answers/ids.js';
import {
  answer,
  answerMission,
  answerPeople,
  reloadCheckin,
  sentCheckin,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';

const actionsOf = (blocks: unknown) =>
  ((blocks ?? []) as { elements?: { action_id?: string }[] }[]).flatMap((b) =>
    (b.elements ?? []).flatMap((e) => (e.action_id ? [e.action_id] : [])),
  );

// The closing pass runs over the whole database: a harness per test.
describe('the weekly check-in DM once its edit window is over', () => {
  const harness = harnessPerTest('checkin_editwin', { now: new Date('2026-03-09T10:00:00Z') });

  it('loses its "Edit my answer" button when the window closes, and still says it was answered', async () => {
    const h = harness();
    const people = answerPeople(h);
    const c = await sentCheckin(h, await answerMission(h, people));
    const res = await submitCheckin(h, c, people.freelancer, answer());
    expect(res.status).toBe(200);
    await eventually(async () => expect((await reloadCheckin(h, c._id)).status).toBe('answered'));
    const dm = () => h.standin.message(c.message.channel, c.message.ts);
    await eventually(() => expect(actionsOf(dm()?.blocks)).toContain(OPEN_CHECKIN));

    // Still open the minute before the window ends (16 March, 09:00 UTC).
    await passAt(h, '2026-03-16T08:59:00Z');
    expect(actionsOf(dm()?.blocks)).toContain(OPEN_CHECKIN);
    await passAt(h, '2026-03-16T09:00:00Z');
    await eventually(() => expect(actionsOf(dm()?.blocks)).toEqual([]));
    expect(dm()?.text).toContain('4');
    expect(JSON.stringify(dm()?.blocks)).not.toContain('modifiable');
  });
});
