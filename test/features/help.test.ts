import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

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
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('help');
    h.standin.addUser({ id: 'UFRANCOIS', name: 'francois', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: 'UEMMA0001', name: 'emma', locale: 'en-US', tz: 'America/New_York' });
    h.standin.addUser({ id: 'UHANS0001', name: 'hans', locale: 'de-DE', tz: 'Europe/Berlin' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers a fr-FR user in French, ephemerally, listing the commands', async () => {
    const res = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: 'UFRANCOIS' });
    expect(res.status).toBe(200);
    const body = res.json() as Ack;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Passerelle — aide');
    expect(ackText(body)).toContain('`/passerelle help` — Afficher cette aide');
    expect(ackText(body)).toContain('Commandes');
  });

  it('answers an en-US user in English', async () => {
    const res = await h.slack.sendCommand({ command: '/passerelle', text: '', userId: 'UEMMA0001' });
    const body = res.json() as Ack;
    expect(body.text).toBe('Passerelle — help');
    expect(ackText(body)).toContain('`/passerelle help` — Show this help');
  });

  it('falls back to the workspace default locale for an unsupported language', async () => {
    const res = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: 'UHANS0001' });
    expect((res.json() as Ack).text).toBe('Passerelle — aide');
  });

  it('reads the user once, then answers from the cache', async () => {
    const before = h.standin.callsTo('users.info').filter((c) => c.args.user === 'UEMMA0001').length;
    await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: 'UEMMA0001' });
    const after = h.standin.callsTo('users.info').filter((c) => c.args.user === 'UEMMA0001').length;
    expect(before).toBe(1);
    expect(after).toBe(1);
  });

  it('answers an unknown subcommand with the help and a line saying it is unknown, escaped', async () => {
    const res = await h.slack.sendCommand({
      command: '/passerelle',
      text: '<!channel> now',
      userId: 'UEMMA0001',
    });
    expect(res.status).toBe(200);
    const body = res.json() as Ack;
    expect(body.text).toBe("I don't know `&lt;!channel&gt;`. Here is what I can do:");
    expect(ackText(body)).toContain('Show this help');
  });

  it('rejects a bad signature with 401 and does nothing', async () => {
    const calls = h.standin.calls.length;
    const res = await h.slack.sendCommand(
      { command: '/passerelle', text: 'help', userId: 'UFRANCOIS' },
      { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' },
    );
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    expect(h.standin.calls.length).toBe(calls);
  });

  it('rejects a timestamp older than five minutes with 401 and does nothing', async () => {
    const calls = h.standin.calls.length;
    const res = await h.slack.sendCommand(
      { command: '/passerelle', text: 'help', userId: 'UFRANCOIS' },
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    expect(res.status).toBe(401);
    expect(h.standin.calls.length).toBe(calls);
  });

  it('reports health with the database status', async () => {
    const res = await fetch(`${h.appUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
