import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger, type LogLine } from '../support/captured-logger.js';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { type SlackHttpResponse, sendInteractive, team, userOf } from '../support/slack-request.js';

const USER = 'UNOBODY01';
const WARN = 40;

/** Sends and measures: every answer here must come at once, not after Bolt's 3-second timeout. */
async function timed(send: () => Promise<SlackHttpResponse>): Promise<SlackHttpResponse> {
  const started = performance.now();
  const res = await send();
  const ms = performance.now() - started;
  expect(ms, `answered after ${Math.round(ms)} ms`).toBeLessThan(1000);
  return res;
}

describe('interactions no listener handles are acked at once', () => {
  let h: Harness;
  let lines: LogLine[];
  const ctx = () => ({ standin: h.standin });
  const interactive = (payload: Record<string, unknown>) =>
    timed(() =>
      sendInteractive(
        { team: team(ctx()), user: userOf(ctx(), USER), api_app_id: 'A0STANDINAPP', ...payload },
        { appUrl: h.appUrl, signingSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', standin: h.standin },
      ),
    );
  const warnings = (from: number) => lines.slice(from).filter((l) => l.level >= WARN);

  beforeAll(async () => {
    const captured = capturedLogger();
    lines = captured.lines;
    h = await startHarness('unhandled', { logger: captured.logger });
    h.standin.addUser({ id: USER, name: 'nobody', locale: 'en-US' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('acks a click on an unknown action id, logging it at debug only', async () => {
    const from = lines.length;
    const res = await timed(() =>
      h.slack.sendBlockAction({
        userId: USER,
        actions: [{ action_id: 'no.such.action', block_id: 'b1', value: 'x' }],
        message: { ts: '1700000000.000100', channel: 'D0NOBODY' },
        channelId: 'D0NOBODY',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(warnings(from)).toEqual([]);
    expect(lines.slice(from).map((l) => l.msg)).toContain(
      'acked what no listener handles (type=block_actions action_id=no.such.action)',
    );
  });

  it('acks a URL button click without a warning', async () => {
    const from = lines.length;
    const res = await timed(() =>
      h.slack.sendBlockAction({
        userId: USER,
        actions: [{ action_id: 'docs.link', block_id: 'links', url: 'https://example.com/guide' }],
        message: { ts: '1700000000.000200', channel: 'D0NOBODY' },
        channelId: 'D0NOBODY',
      }),
    );
    expect(res.status).toBe(200);
    expect(warnings(from)).toEqual([]);
  });

  it('acks a view_closed, an unknown global and message shortcut, empty', async () => {
    const closed = await interactive({
      type: 'view_closed',
      view: { id: 'VCLOSED01', callback_id: 'anything', type: 'modal' },
      is_cleared: false,
    });
    const shortcut = await interactive({
      type: 'shortcut',
      callback_id: 'no.such.shortcut',
      trigger_id: 't',
    });
    const messageShortcut = await interactive({
      type: 'message_action',
      callback_id: 'no.such.message.shortcut',
      channel: { id: 'C0NOBODY1', name: 'general' },
      message: { ts: '1700000000.000300', text: 'hi' },
      response_url: h.standin.newResponseUrl(),
      trigger_id: 't',
    });
    for (const res of [closed, shortcut, messageShortcut]) {
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
    }
  });

  it('answers a block_suggestion nothing serves with no options', async () => {
    const res = await interactive({
      type: 'block_suggestion',
      action_id: 'no.such.select',
      block_id: 'b',
      value: 'ab',
      container: { type: 'view', view_id: 'VSUGGEST1' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ options: [] });
  });

  it('replaces a submitted form nothing takes with one saying nothing was saved', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: h.standin.apiUrl });
    const opened = await client.views.open({
      trigger_id: h.standin.newTriggerId({ userId: USER }),
      view: {
        type: 'modal',
        callback_id: 'legacy.form',
        title: { type: 'plain_text', text: 'Old form' },
        submit: { type: 'plain_text', text: 'Send' },
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
    const viewId = opened.view?.id ?? '';
    const res = await timed(() =>
      h.slack.sendViewSubmission({
        userId: USER,
        view: { id: viewId, state: { values: { b: { a: { type: 'plain_text_input', value: 'x' } } } } },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      response_action: 'update',
      view: { title: { text: 'Nothing was saved' } },
    });
    expect(h.standin.ackProblems).toEqual([]);
    expect(h.standin.view(viewId)?.view).toMatchObject({ callback_id: 'passerelle.form_unavailable' });
  });

  it('acks an unknown command and an event nothing listens to', async () => {
    const command = await timed(() =>
      h.slack.sendCommand({ command: '/no-such-command', text: '', userId: USER }),
    );
    expect(command.status).toBe(200);
    expect(command.body).toBe('');
    const from = lines.length;
    const event = await timed(() =>
      h.slack.sendEvent({ type: 'reaction_added', user: USER, reaction: 'tada' }),
    );
    expect(event.status).toBe(200);
    expect(lines.slice(from).map((l) => l.msg)).toContain(
      'no listener for this event (type=event_callback event=reaction_added)',
    );
  });
});
