import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJournal } from '../../src/delivery/journal.js';
import { textMessage } from '../../src/slack/gateway.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness } from '../support/harness.js';

// The dispatcher through the app's own dependencies: real Web API client, stand-in, database.
describe('the dispatcher: journaled, at most once when in doubt', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('dispatcher');
  });
  afterAll(async () => {
    await h.stop();
  });

  function person(tag: string): string {
    const id = `UDSP${tag}`;
    h.standin.addUser({ id, name: tag.toLowerCase(), locale: 'en-US', tz: 'Europe/Paris' });
    return id;
  }

  it('sends a job’s DM once: a second run of the same job finds it accepted in the journal', async () => {
    const to = person('ONCE');
    const item = { to, message: textMessage('hello once') };
    const first = await h.deps.dispatcher.sendForJob('job:once', item);
    const again = await h.deps.dispatcher.sendForJob('job:once', item);
    expect(first.status).toBe('sent');
    expect(again.status).toBe('sent');
    expect(h.standin.messagesTo(to).map((m) => m.text)).toEqual(['hello once']);
  });

  it('never sends again a DM an earlier run handed to Slack without an answer (the runner died)', async () => {
    const to = person('DOUBT');
    await writeJournal(h.db, 'job:doubt', { attempted: [['job:doubt']] }, h.clock.now());
    const result = await h.deps.dispatcher.sendForJob('job:doubt', { to, message: textMessage('maybe') });
    expect(result.status).toBe('inDoubt');
    expect(h.standin.messagesTo(to)).toHaveLength(0);
  });

  it('sends again a DM Slack refused (nothing was posted), and throws so that the job is retried', async () => {
    const to = person('RETRY');
    h.standin.failNext('chat.postMessage', 'internal_error');
    const item = { to, message: textMessage('second time lucky') };
    await expect(h.deps.dispatcher.sendForJob('job:retry', item)).rejects.toThrow(/internal_error/);
    expect((await h.deps.dispatcher.sendForJob('job:retry', item)).status).toBe('sent');
    expect(h.standin.messagesTo(to).map((m) => m.text)).toEqual(['second time lucky']);
  });

  it('once stopped, hands no new slice to Slack and withdraws what waits for the pacer: unsent, not in doubt', async () => {
    const people = Array.from({ length: 120 }, (_, i) => person(`STOP${i}`));
    const stop = new AbortController();
    const items = people.map((to, i) => ({ key: `bulk:${i}`, to, message: textMessage(`n°${i}`) }));
    const received = () => people.filter((id) => h.standin.messagesTo(id).length > 0).length;
    const sending = h.deps.dispatcher.send('claim:stop', items, { signal: stop.signal });
    // Three slices (72 DMs) are handed to the pacer at once; it lets 48 a second go.
    await eventually(() => expect(received()).toBeGreaterThanOrEqual(5));
    stop.abort();
    const results = await sending;
    const sent = results.filter((r) => r.status === 'sent').length;
    expect(sent).toBe(received());
    expect(sent).toBeLessThan(3 * h.deps.dispatcher.sliceSize);
    expect(results.filter((r) => r.status === 'unsent')).toHaveLength(120 - sent);
    // What the stop took back is journaled as such: a runner taking this claim over would send it.
    const journal = await h.deps.dispatcher.recover('claim:stop');
    expect(journal.accepted.size).toBe(sent);
    expect(journal.inDoubt.size).toBe(0);
  });
});
