/** The stand-in's Socket Mode endpoint, driven by the real WebClient and a plain `ws` client. */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SlackStandin } from '../support/slack-standin.js';

const APP = 'xapp-1-A0TEST-1-secret';
const BOT = 'xoxb-socket-test';

/** A client socket and the messages it received, parsed. */
async function connect(url: string): Promise<{ ws: WebSocket; messages: Record<string, unknown>[] }> {
  const ws = new WebSocket(url);
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('stand-in Socket Mode', () => {
  const standin = new SlackStandin({ tokens: [BOT], appTokens: [APP] });
  const open = (token: string) =>
    new WebClient('', {
      slackApiUrl: standin.apiUrl,
      headers: { Authorization: `Bearer ${token}` },
    }).apps.connections
      .open()
      .catch((err: { data?: unknown }) => err.data);

  beforeAll(() => standin.start());
  afterAll(() => standin.stop());

  it('opens a connection only for an app-level token passed in the Authorization header', async () => {
    expect(await open(BOT)).toMatchObject({ ok: false, error: 'not_allowed_token_type' });
    expect(await open('xapp-1-unknown')).toMatchObject({ ok: false, error: 'invalid_auth' });
    const asParam = await fetch(`${standin.apiUrl}apps.connections.open`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: APP }).toString(),
    }).then((r) => r.json());
    expect(asParam).toMatchObject({ ok: false, error: 'not_authed' });
    expect(await open(APP)).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/),
    });
  });

  it('says hello, matches acks by envelope_id, and refuses a ticket used twice', async () => {
    const { url } = (await open(APP)) as { url: string };
    const client = await connect(url);
    await until(() => client.messages.some((m) => m.type === 'hello'));
    client.ws.on('message', (data) => {
      const envelope = JSON.parse(data.toString()) as { envelope_id?: string; type: string };
      if (envelope.envelope_id) {
        client.ws.send(
          JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: `got ${envelope.type}` } }),
        );
      }
    });
    expect(await standin.socket.sendSlashCommand({ command: '/x', text: '' })).toEqual({
      text: 'got slash_commands',
    });
    const envelope = client.messages.find((m) => m.type === 'slash_commands');
    expect(envelope).toMatchObject({ accepts_response_payload: true, payload: { command: '/x' } });
    expect(typeof envelope?.envelope_id).toBe('string');
    await expect(connect(url)).rejects.toThrow(/401/);
    client.ws.close();
    await until(() => standin.socket.openConnections === 0);
  });

  it('asks the connection to go away with a disconnect message', async () => {
    const { url } = (await open(APP)) as { url: string };
    const client = await connect(url);
    const reconnect = standin.socket.requestReconnect('warning');
    await until(() => client.messages.some((m) => m.type === 'disconnect' && m.reason === 'warning'));
    client.ws.close();
    const next = (await open(APP)) as { url: string };
    const again = await connect(next.url);
    await reconnect;
    again.ws.close();
  });
});
