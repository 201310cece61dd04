import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SIGNING_SECRET, startHarness } from '../support/harness.js';
import { sendSigned } from '../support/slack-request.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const form = (payload: string) => `payload=${encodeURIComponent(payload)}`;
const user = { id: 'UHOSTILE1', username: 'h', team_id: 'T0STANDIN' };

// Each of these crashed the process (null), answered 500 (Bolt dereferencing a field of the wrong
// type before any listener) or was left unacked for 3 s (a body of no kind Bolt knows).
const malformed: [string, string, string][] = [
  ['payload=null', 'payload=null', FORM],
  ['payload=[]', 'payload=[]', FORM],
  ['payload="x"', form('"x"'), FORM],
  ['payload=5', 'payload=5', FORM],
  ['payload that is not JSON', 'payload={nope', FORM],
  ['JSON null', 'null', JSON_TYPE],
  ['a JSON array', '[1,2]', JSON_TYPE],
  ['a JSON string', '"event_callback"', JSON_TYPE],
  ['a body that is not JSON', 'hello', JSON_TYPE],
  ['an empty JSON object', '{}', JSON_TYPE],
  ['an unknown type', '{"type":"dialog_cancellation"}', JSON_TYPE],
  ['event: null', '{"type":"event_callback","event":null}', JSON_TYPE],
  ['event: "x"', '{"type":"event_callback","event":"x"}', JSON_TYPE],
  ['event.user: null', '{"type":"event_callback","event":{"type":"app_home_opened","user":null}}', JSON_TYPE],
  ['event.item: 3', '{"type":"event_callback","event":{"type":"reaction_added","item":3}}', JSON_TYPE],
  [
    'authorizations: [null]',
    '{"type":"event_callback","event":{"type":"x"},"authorizations":[null]}',
    JSON_TYPE,
  ],
  [
    'function_executed without its execution id',
    '{"type":"event_callback","event":{"type":"function_executed","inputs":{}}}',
    JSON_TYPE,
  ],
  [
    'function_data without an execution id',
    form(JSON.stringify({ type: 'block_actions', user, actions: [{}], function_data: { inputs: {} } })),
    FORM,
  ],
  ['actions: null', form(JSON.stringify({ type: 'block_actions', user, actions: null })), FORM],
  ['actions: 5', form(JSON.stringify({ type: 'block_actions', user, actions: 5 })), FORM],
  ['block_actions without user', form(JSON.stringify({ type: 'block_actions', actions: [{}] })), FORM],
  [
    'channel: null',
    form(JSON.stringify({ type: 'block_actions', user, actions: [{}], channel: null })),
    FORM,
  ],
  ['response_urls: null', form(JSON.stringify({ type: 'view_submission', user, response_urls: null })), FORM],
  ['view_submission without view', form(JSON.stringify({ type: 'view_submission', user })), FORM],
  ['a form with neither command nor payload', 'text=hello&user_id=U1', FORM],
  ['a command with event=x', 'command=%2Fpasserelle&user_id=U1&text=&event=x', FORM],
];

describe('hostile signed requests to the HTTP receiver', () => {
  let h: Harness;
  const send = (body: string, type: string, headers: Record<string, string> = {}) =>
    sendSigned(body, type, { appUrl: h.appUrl, signingSecret: SIGNING_SECRET, standin: h.standin, headers });

  beforeAll(async () => {
    h = await startHarness('hostile');
    h.standin.addUser({ id: 'UHOSTILE1', name: 'hostile', locale: 'en-US' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it.each(malformed)('answers %s with 400 at once and stays up', async (_name, body, type) => {
    const started = performance.now();
    const res = await send(body, type);
    expect(res.status, res.body).toBe(400);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    const help = await h.slack.sendCommand({ command: '/passerelle', text: 'help', userId: 'UHOSTILE1' });
    expect((help.json() as { text?: string }).text).toBe('Passerelle — help');
  });

  it('still answers an unsigned malformed body with 401, before looking at it', async () => {
    const res = await send('payload=null', FORM, { 'x-slack-signature': 'v0=00' });
    expect(res.status).toBe(401);
  });

  it('answers ssl_check and url_verification as Bolt does', async () => {
    expect((await send('ssl_check=1&token=x', FORM, { 'x-slack-signature': 'v0=00' })).status).toBe(200);
    const challenge = await send('{"type":"url_verification","challenge":"c-123"}', JSON_TYPE);
    expect(challenge.json()).toEqual({ challenge: 'c-123' });
  });

  it('acks app_rate_limited (a body Bolt has no kind for) at once', async () => {
    const res = await send(
      '{"type":"app_rate_limited","token":"t","team_id":"T0STANDIN","minute_rate_limited":1518467820}',
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
  });

  it('answers a body over 4 MB with 413', async () => {
    const res = await send(`command=%2Fpasserelle&user_id=U1&text=${'a'.repeat(4_300_000)}`, FORM);
    expect(res.status).toBe(413);
  });
});
