/**
 * Tests of the Slack stand-in itself, driven by the real @slack/web-api WebClient, and of the
 * signed-request client against a real Bolt HTTPReceiver.
 */
import { Server } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { type Logger, LogLevel, WebAPIRateLimitedError, WebClient, WebClientEvent } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkBlocks, checkView } from '../support/block-kit-limits.js';
import { createSlackRequester, signSlackRequest } from '../support/slack-request.js';
import { SlackStandin } from '../support/slack-standin.js';

const TOKEN = 'xoxb-test-token';

/** Keeps expected errors (invalid_blocks lines, signature failures) out of the test output. */
const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

let nowMs = Date.parse('2026-03-02T09:00:00Z');
let frozen = false;
const standin = new SlackStandin({ tokens: [TOKEN], clock: () => (frozen ? nowMs : Date.now()) });

function client(opts: { retries?: number; reject?: boolean; token?: string } = {}): WebClient {
  return new WebClient(opts.token ?? TOKEN, {
    slackApiUrl: standin.apiUrl,
    logger: silent,
    retryConfig: { retries: opts.retries ?? 0 },
    rejectRateLimitedCalls: opts.reject ?? false,
  });
}

/** Runs a call expected to fail and returns Slack's error body. */
async function slackError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const err: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error) || !('data' in err) || typeof err.data !== 'object' || err.data === null) {
    throw new Error(`expected a Slack platform error, got ${String(err)}`);
  }
  return { ...err.data };
}

const modal = (title = 'Check-in') => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Hello' } }],
});

beforeAll(async () => {
  await standin.start();
});
afterAll(async () => {
  await standin.stop();
});
beforeEach(() => {
  frozen = false;
  standin.reset({ directory: true });
  standin
    .addUser({ id: 'U1ALICE', name: 'alice', realName: 'Alice Martin', tz: 'Europe/Paris', locale: 'fr-FR' })
    .addUser({ id: 'U2GUEST', name: 'gus', isGuest: true, tz: 'America/Los_Angeles' })
    .addUser({ id: 'U3BOT', name: 'otherbot', isBot: true })
    .addChannel({ id: 'C1GENERAL', name: 'general', isMember: true })
    .addChannel({ id: 'C2RANDOM', name: 'random' })
    .addChannel({ id: 'G1SECRET', name: 'secret', isPrivate: true });
});

describe('auth and directory', () => {
  it('rejects unknown and missing tokens', async () => {
    expect((await slackError(client({ token: 'xoxb-nope' }).auth.test())).error).toBe('invalid_auth');
    const res = await fetch(`${standin.apiUrl}auth.test`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
    expect((await client().auth.test()).user_id).toBe(standin.identity.botUserId);
  });

  it('answers users.info with tz fields, locale only when asked, guests restricted', async () => {
    const plain = await client().users.info({ user: 'U1ALICE' });
    expect(plain.user).toMatchObject({ tz: 'Europe/Paris', real_name: 'Alice Martin', is_restricted: false });
    expect(plain.user?.tz_offset).toBeTypeOf('number');
    expect(plain.user?.locale).toBeUndefined();
    const withLocale = await client().users.info({ user: 'U1ALICE', include_locale: true });
    expect(withLocale.user?.locale).toBe('fr-FR');
    expect((await client().users.info({ user: 'U2GUEST' })).user?.is_restricted).toBe(true);
    expect((await slackError(client().users.info({ user: 'U404' }))).error).toBe('user_not_found');
    // WebClient sends include_locale=true as a form string; the recorded args are the parsed wire args.
    expect(standin.callsTo('users.info')[1]?.args).toMatchObject({ user: 'U1ALICE', include_locale: 'true' });
  });

  it('opens stable DM channels and refuses bots', async () => {
    const a = await client().conversations.open({ users: 'U1ALICE' });
    const b = await client().conversations.open({ users: 'U1ALICE' });
    expect(a.channel?.id).toMatch(/^D/);
    expect(b.channel?.id).toBe(a.channel?.id);
    expect((await slackError(client().conversations.open({ users: 'U3BOT' }))).error).toBe('cannot_dm_bot');
    expect((await slackError(client().conversations.open({ users: 'U404' }))).error).toBe('user_not_found');
  });

  it('needs membership to post, lets the bot join public channels only', async () => {
    const c = client();
    expect((await slackError(c.chat.postMessage({ channel: 'C2RANDOM', text: 'hi' }))).error).toBe(
      'not_in_channel',
    );
    await c.conversations.join({ channel: 'C2RANDOM' });
    await c.chat.postMessage({ channel: 'C2RANDOM', text: 'hi' });
    expect((await slackError(c.conversations.join({ channel: 'G1SECRET' }))).error).toBe('channel_not_found');
    expect((await slackError(c.chat.postMessage({ channel: 'U3BOT', text: 'x' }))).error).toBe(
      'cannot_dm_bot',
    );
  });
});

describe('messages', () => {
  it('records posts with unique increasing ts and DM channel ids for users', async () => {
    const c = client();
    const first = await c.chat.postMessage({ channel: 'C1GENERAL', text: 'one' });
    const second = await c.chat.postMessage({ channel: 'C1GENERAL', text: 'two' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const dm = await c.chat.postMessage({
      channel: 'U1ALICE',
      text: 'welcome',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Welcome*' } }],
    });
    expect(dm.channel).toMatch(/^D/);
    expect(standin.messagesTo('U1ALICE').map((m) => m.text)).toEqual(['welcome']);
    expect(standin.messagesTo('C1GENERAL').map((m) => m.text)).toEqual(['one', 'two']);
    const call = standin.callsTo('chat.postMessage')[2];
    expect(call?.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Welcome*' } }]);
    expect(call?.token).toBe(TOKEN);
  });

  it('applies chat.update and chat.delete to the stored message', async () => {
    const c = client();
    const posted = await c.chat.postMessage({ channel: 'C1GENERAL', text: 'pending' });
    const ts = posted.ts ?? '';
    await c.chat.update({ channel: 'C1GENERAL', ts, text: 'approved' });
    expect(standin.message('C1GENERAL', ts)).toMatchObject({ text: 'approved', edits: 1, deleted: false });
    await c.chat.delete({ channel: 'C1GENERAL', ts });
    expect(standin.messagesTo('C1GENERAL')).toEqual([]);
    expect((await slackError(c.chat.update({ channel: 'C1GENERAL', ts, text: 'x' }))).error).toBe(
      'message_not_found',
    );
  });

  it('rejects 51 blocks and over-long section text with Slack-like details', async () => {
    const c = client();
    const divider = { type: 'divider' as const };
    const tooMany = await slackError(
      c.chat.postMessage({ channel: 'C1GENERAL', text: 'x', blocks: Array(51).fill(divider) }),
    );
    expect(tooMany.error).toBe('invalid_blocks');
    const long = await slackError(
      c.chat.postMessage({
        channel: 'C1GENERAL',
        text: 'x',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a'.repeat(3001) } }],
      }),
    );
    expect(long.error).toBe('invalid_blocks');
    expect(long.response_metadata).toEqual({
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    });
    // The typed method forbids this; apiCall sends what a buggy caller would.
    expect((await slackError(c.apiCall('chat.postMessage', { channel: 'C1GENERAL' }))).error).toBe('no_text');
    expect(standin.messagesTo('C1GENERAL')).toEqual([]);
  });

  it('truncates text over 40,000 characters with a warning', async () => {
    const res = await client().chat.postMessage({ channel: 'C1GENERAL', text: 'b'.repeat(40_010) });
    expect(res.response_metadata?.warnings).toEqual(['message_truncated']);
    expect(standin.messagesTo('C1GENERAL')[0]?.text).toHaveLength(40_000);
  });

  it('accepts application/json bodies with a Bearer token', async () => {
    const res = await fetch(`${standin.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: 'C1GENERAL', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C1GENERAL' });
    expect(standin.messagesTo('C1GENERAL')[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('checks scheduleMessage times and records uploads', async () => {
    const c = client();
    const past = Math.floor(Date.now() / 1000) - 60;
    const err = await slackError(c.chat.scheduleMessage({ channel: 'C1GENERAL', text: 'x', post_at: past }));
    expect(err.error).toBe('time_in_past');
    const ok = await c.chat.scheduleMessage({ channel: 'C1GENERAL', text: 'later', post_at: past + 3600 });
    expect(ok.scheduled_message_id).toMatch(/^Q/);
    await c.filesUploadV2({
      channel_id: 'C1GENERAL',
      filename: 'export.csv',
      content: 'a,b\n1,2\n',
      title: 'Export',
    });
    expect(standin.files).toMatchObject([
      { filename: 'export.csv', completed: true, channelId: 'C1GENERAL' },
    ]);
    expect(standin.files[0]?.content?.toString()).toBe('a,b\n1,2\n');
  });
});

describe('views', () => {
  it('opens a modal once per trigger and rejects used, unknown and expired triggers', async () => {
    const c = client();
    const trigger = standin.newTriggerId({ userId: 'U1ALICE' });
    const opened = await c.views.open({ trigger_id: trigger, view: modal() });
    expect(opened.view?.id).toMatch(/^V/);
    expect(standin.openModals('U1ALICE')).toHaveLength(1);
    expect((await slackError(c.views.open({ trigger_id: trigger, view: modal() }))).error).toBe(
      'exchanged_trigger_id',
    );
    expect((await slackError(c.views.open({ trigger_id: '1.2.3', view: modal() }))).error).toBe(
      'invalid_trigger_id',
    );
    frozen = true;
    const old = standin.newTriggerId();
    nowMs += 3001;
    expect((await slackError(c.views.open({ trigger_id: old, view: modal() }))).error).toBe(
      'expired_trigger_id',
    );
  });

  it('checks hash on views.update and keeps the view id', async () => {
    const c = client();
    const opened = await c.views.open({ trigger_id: standin.newTriggerId(), view: modal() });
    const id = opened.view?.id ?? '';
    const updated = await c.views.update({
      view_id: id,
      hash: opened.view?.hash ?? '',
      view: modal('Step 2'),
    });
    expect(updated.view?.id).toBe(id);
    const stale = await slackError(
      c.views.update({ view_id: id, hash: opened.view?.hash ?? '', view: modal() }),
    );
    expect(stale.error).toBe('hash_conflict');
    standin.closeView(id);
    expect((await slackError(c.views.update({ view_id: id, view: modal() }))).error).toBe('not_found');
  });

  it('rejects a 25-character modal title and an input modal without submit', async () => {
    const c = client();
    const long = await slackError(
      c.views.open({ trigger_id: standin.newTriggerId(), view: modal('x'.repeat(25)) }),
    );
    expect(long.error).toBe('invalid_arguments');
    expect(long.response_metadata).toEqual({
      messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
    });
    const input = {
      ...modal(),
      blocks: [
        {
          type: 'input' as const,
          block_id: 'b',
          label: { type: 'plain_text' as const, text: 'Name' },
          element: { type: 'plain_text_input' as const, action_id: 'a' },
        },
      ],
    };
    const noSubmit = await slackError(c.views.open({ trigger_id: standin.newTriggerId(), view: input }));
    expect(noSubmit.error).toBe('invalid_arguments');
  });

  it('keeps the latest published Home per user and forbids submit there', async () => {
    const c = client();
    const home = { type: 'home' as const, blocks: [{ type: 'divider' as const }] };
    await c.views.publish({ user_id: 'U1ALICE', view: home });
    await c.views.publish({ user_id: 'U1ALICE', view: { ...home, blocks: [] } });
    expect(standin.home('U1ALICE')?.blocks).toEqual([]);
    const bad = { ...home, submit: { type: 'plain_text' as const, text: 'Go' } };
    expect((await slackError(c.views.publish({ user_id: 'U1ALICE', view: bad }))).error).toBe(
      'invalid_arguments',
    );
  });
});

describe('failure injection and rate limits', () => {
  it('injects platform and HTTP errors', async () => {
    standin.failNext('chat.postMessage', 'channel_not_found');
    standin.failHttp('users.info', 503);
    const c = client();
    expect((await slackError(c.chat.postMessage({ channel: 'C1GENERAL', text: 'x' }))).error).toBe(
      'channel_not_found',
    );
    await expect(c.users.info({ user: 'U1ALICE' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
    });
    await c.chat.postMessage({ channel: 'C1GENERAL', text: 'x' });
    expect(standin.callsTo('chat.postMessage').map((call) => call.ok)).toEqual([false, true]);
  });

  it('lets a retrying WebClient through every-other-call 429s and fires rate_limited', async () => {
    standin.rateLimit('chat.postMessage', { retryAfterSeconds: 1, every: 2 });
    // p-retry's own backoff is set to 0 so the test waits only the Retry-After second.
    const c = new WebClient(TOKEN, {
      slackApiUrl: standin.apiUrl,
      logger: silent,
      retryConfig: { retries: 3, minTimeout: 0 },
    });
    const seen: number[] = [];
    c.on(WebClientEvent.RATE_LIMITED, (retrySec: number) => seen.push(retrySec));
    const started = Date.now();
    const res = await c.chat.postMessage({ channel: 'C1GENERAL', text: 'eventually' });
    expect(res.ok).toBe(true);
    expect(seen).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(standin.rateLimitedCount('chat.postMessage')).toBe(1);
    expect(standin.messagesTo('C1GENERAL')).toHaveLength(1);
  });

  it('gives 429s beyond a per-second budget, until the next second', async () => {
    frozen = true;
    nowMs = Math.floor(nowMs / 1000) * 1000 + 200;
    standin.setBudget('*', { perSecond: 3 });
    const c = client({ reject: true });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => c.users.info({ user: 'U1ALICE' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(WebAPIRateLimitedError);
    expect(standin.rateLimitedCount()).toBe(2);
    nowMs += 1000;
    await c.auth.test();
  });
});

describe('response URLs', () => {
  it('records posts, validates them and allows 5 uses', async () => {
    const url = standin.newResponseUrl({ channelId: 'C1GENERAL', userId: 'U1ALICE' });
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ text: 'only you', response_type: 'ephemeral' })).status).toBe(200);
    expect(standin.ephemeralsTo('U1ALICE')).toMatchObject([{ text: 'only you', via: 'response_url' }]);
    const bad = await post({
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
    });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 4; i++) await post({ text: `n${i}`, response_type: 'in_channel' });
    expect(standin.messagesTo('C1GENERAL')).toHaveLength(4);
    expect((await post({ text: 'sixth' })).status).toBe(404);
    expect(standin.responses.map((r) => r.status)).toEqual([200, 400, 200, 200, 200, 200, 404]);
  });
});

describe('block-kit-limits', () => {
  it('reports element limits with JSON pointers', () => {
    const button = (id: string) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: 'b'.repeat(76) },
    });
    const issues = checkBlocks(
      [{ type: 'actions', block_id: 'x', elements: [button('a'), button('a')] }],
      'message',
    );
    expect(issues).toEqual([
      { pointer: '/blocks/0/elements/0/text/text', message: 'must be less than 76 characters' },
      { pointer: '/blocks/0/elements/1/text/text', message: 'must be less than 76 characters' },
      { pointer: '/blocks/0/elements/1/action_id', message: 'duplicate action_id: a' },
    ]);
    const overflow = { type: 'overflow', action_id: 'o', options: [] };
    expect(
      checkBlocks([{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: overflow }], 'modal'),
    ).toEqual([{ pointer: '/blocks/0/accessory/options', message: 'must provide at least 1 items' }]);
    const home = {
      type: 'home',
      close: { type: 'plain_text', text: 'x' },
      blocks: [],
      private_metadata: 'm'.repeat(3001),
    };
    expect(checkView(home).map((i) => i.pointer)).toEqual(['/view/close', '/view/private_metadata']);
  });
});

describe('signed requests to a Bolt HTTPReceiver', () => {
  const secret = 'test-signing-secret';
  let app: App;
  let appUrl = '';

  beforeAll(async () => {
    app = new App({
      token: TOKEN,
      receiver: new HTTPReceiver({ signingSecret: secret, logger: silent }),
      logger: silent,
      clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/passerelle', async ({ ack, respond, client: web, body }) => {
      await ack();
      await respond({ text: `you said ${body.text}` });
      await web.views.open({ trigger_id: body.trigger_id, view: modal() });
    });
    app.action('approve', async ({ ack, respond }) => {
      await ack();
      await respond({ replace_original: true, text: 'approved' });
    });
    app.view('form', async ({ ack, view }) => {
      const name = view.state.values.b?.a?.value ?? '';
      await ack(name === '' ? { response_action: 'errors', errors: { b: 'Required' } } : undefined);
    });
    app.event('app_home_opened', async ({ event, client: web, context }) => {
      const text = `retry ${context.retryNum ?? 0}`;
      await web.views.publish({
        user_id: event.user,
        view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
      });
    });
    const server = await app.start(0);
    const address = server instanceof Server ? server.address() : null;
    if (address === null || typeof address === 'string') throw new Error('no port');
    appUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await app.stop();
  });

  it('signs like Slack and gets 401 for bad signatures or stale timestamps', async () => {
    const slack = createSlackRequester({ appUrl, signingSecret: secret, standin });
    expect(signSlackRequest('s', 1, 'b')).toMatch(/^v0=[0-9a-f]{64}$/);
    const bad = await slack.sendCommand(
      { command: '/passerelle', text: 'x', userId: 'U1ALICE' },
      { signature: 'v0=00' },
    );
    expect(bad.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    const old = await slack.sendCommand(
      { command: '/passerelle', text: 'x', userId: 'U1ALICE' },
      { timestamp: stale },
    );
    expect(old.status).toBe(401);
  });

  it('runs a command, a button click and a view submission end to end', async () => {
    const slack = createSlackRequester({ appUrl, signingSecret: secret, standin });
    const cmd = await slack.sendCommand({ command: '/passerelle', text: 'hello', userId: 'U1ALICE' });
    expect(cmd.status).toBe(200);
    await expect.poll(() => standin.openModals('U1ALICE').length).toBe(1);
    expect(standin.ephemeralsTo('U1ALICE').map((e) => e.text)).toEqual(['you said hello']);

    const posted = await client().chat.postMessage({ channel: 'C1GENERAL', text: 'approve?' });
    const click = await slack.sendBlockAction({
      userId: 'U1ALICE',
      channelId: 'C1GENERAL',
      message: { ts: posted.ts },
      actions: [{ action_id: 'approve', block_id: 'decide', value: 'yes' }],
    });
    expect(click.status).toBe(200);
    await expect.poll(() => standin.message('C1GENERAL', posted.ts ?? '')?.text).toBe('approved');

    const opened = await client().views.open({
      trigger_id: standin.newTriggerId({ userId: 'U1ALICE' }),
      view: {
        type: 'modal',
        callback_id: 'form',
        title: { type: 'plain_text', text: 'Form' },
        submit: { type: 'plain_text', text: 'Save' },
        blocks: [
          {
            type: 'input',
            block_id: 'b',
            label: { type: 'plain_text', text: 'Name' },
            element: { type: 'plain_text_input', action_id: 'a' },
          },
        ],
      },
    });
    const id = opened.view?.id ?? '';
    const empty = { b: { a: { type: 'plain_text_input', value: '' } } };
    const refused = await slack.sendViewSubmission({
      userId: 'U1ALICE',
      view: { id, state: { values: empty } },
    });
    expect(refused.json()).toEqual({ response_action: 'errors', errors: { b: 'Required' } });
    expect(standin.view(id)?.closed).toBe(false);
    const filled = { b: { a: { type: 'plain_text_input', value: 'Ada' } } };
    const accepted = await slack.sendViewSubmission({
      userId: 'U1ALICE',
      view: { id, state: { values: filled } },
    });
    expect(accepted.status).toBe(200);
    expect(standin.view(id)?.closed).toBe(true);
    expect(standin.ackProblems).toEqual([]);
  });

  it('delivers events as signed JSON with retry headers', async () => {
    const slack = createSlackRequester({ appUrl, signingSecret: secret, standin });
    const res = await slack.sendEvent(
      { type: 'app_home_opened', user: 'U1ALICE', tab: 'home' },
      { retryNum: 1 },
    );
    expect(res.status).toBe(200);
    await expect
      .poll(() => standin.home('U1ALICE')?.blocks)
      .toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'retry 1' } }]);
  });
});
