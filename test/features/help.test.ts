import { describe, expect, it } from 'vitest';
import { harnessPerFile } from '../support/harness-hooks.js';
import { newPerson } from '../support/people.js';

interface Ack {
  response_type?: string;
  text?: string;
  blocks?: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}

function ackText(body: Ack): string {
  return (body.blocks ?? [])
    .map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '')
    .join('\n');
}

describe('/passerelle help over the real HTTP receiver', () => {
  const harness = harnessPerFile('help', { now: new Date() });
  const french = () => newPerson(harness(), 'FRANC', { locale: 'fr-FR', tz: 'Europe/Paris' });
  const english = () => newPerson(harness(), 'EMMA', { locale: 'en-US', tz: 'America/New_York' });
  /** The Slack calls made since `from`, but Bolt's own start-up auth.test (it lands whenever it lands). */
  const callsSince = (from: number) =>
    harness()
      .standin.calls.slice(from)
      .filter((c) => c.method !== 'auth.test');

  it('answers a fr-FR user in French, ephemerally, listing the commands', async () => {
    const h = harness();
    const res = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: french() });
    expect(res.status).toBe(200);
    const body = res.json() as Ack;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Passerelle — aide');
    expect(ackText(body)).toContain('`/passerelle help` — Afficher cette aide');
    expect(ackText(body)).toContain('Commandes');
  });

  it('answers an en-US user in English', async () => {
    const h = harness();
    const res = await h.slack.sendCommand({ command: '/passerelle', text: '', userId: english() });
    const body = res.json() as Ack;
    expect(body.text).toBe('Passerelle — help');
    expect(ackText(body)).toContain('`/passerelle help` — Show this help');
  });

  it('falls back to the workspace default locale for an unsupported language', async () => {
    const h = harness();
    const hans = newPerson(h, 'HANS', { locale: 'de-DE', tz: 'Europe/Berlin' });
    const res = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: hans });
    expect((res.json() as Ack).text).toBe('Passerelle — aide');
  });

  it('reads the user once, then answers from the cache', async () => {
    const h = harness();
    const emma = english();
    const reads = () => h.standin.callsTo('users.info').filter((c) => c.args.user === emma).length;
    await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: emma });
    const before = reads();
    await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: emma });
    const after = reads();
    expect(before).toBe(1);
    expect(after).toBe(1);
  });

  it('answers an unknown subcommand with the help and a line saying it is unknown, escaped', async () => {
    const h = harness();
    const res = await h.slack.sendCommand({
      command: '/passerelle',
      text: '<!channel> now',
      userId: english(),
    });
    expect(res.status).toBe(200);
    const body = res.json() as Ack;
    expect(body.text).toBe("I don't know `&lt;!channel&gt;`. Here is what I can do:");
    expect(ackText(body)).toContain('Show this help');
  });

  it('rejects a bad signature with 401 and does nothing', async () => {
    const h = harness();
    const calls = h.standin.calls.length;
    const res = await h.slack.sendCommand(
      { command: '/passerelle', text: 'help', userId: french() },
      { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' },
    );
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    expect(callsSince(calls)).toEqual([]);
  });

  it('rejects a timestamp older than five minutes with 401 and does nothing', async () => {
    const h = harness();
    const calls = h.standin.calls.length;
    const res = await h.slack.sendCommand(
      { command: '/passerelle', text: 'help', userId: french() },
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    expect(res.status).toBe(401);
    expect(callsSince(calls)).toEqual([]);
  });

  it('reports health with the database status', async () => {
    const res = await fetch(`${harness().appUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
