/** The signed-request client against a real Bolt HTTPReceiver whose WebClient talks to the stand-in. */
import { Server } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackRequester, signSlackRequest } from '../support/slack-request.js';
import { modal, silent, standinFixture, TOKEN } from './fixture.js';

const { standin, client } = standinFixture();

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
