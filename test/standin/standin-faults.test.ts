/** The stand-in's failure injection and rate limits, seen through a real WebClient. */
import { WebAPIRateLimitedError, WebClient, WebClientEvent } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { silent, slackError, standinFixture, TOKEN } from './fixture.js';

const fx = standinFixture();
const { standin, client } = fx;

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

  it('fails only the calls a filter accepts, leaving other work in flight alone', async () => {
    standin.failNext('chat.postMessage', 'user_disabled', { where: (a) => a.channel === 'U1ALICE' });
    const c = client();
    await c.chat.postMessage({ channel: 'C1GENERAL', text: 'not for alice' });
    expect((await slackError(c.chat.postMessage({ channel: 'U1ALICE', text: 'x' }))).error).toBe(
      'user_disabled',
    );
    await c.chat.postMessage({ channel: 'U1ALICE', text: 'once only' });
    expect(standin.messagesTo('C1GENERAL').map((m) => m.text)).toEqual(['not for alice']);
    expect(standin.messagesTo('U1ALICE').map((m) => m.text)).toEqual(['once only']);
    expect(standin.callsTo('chat.postMessage').map((call) => [call.args.channel, call.ok])).toEqual([
      ['C1GENERAL', true],
      ['U1ALICE', false],
      ['U1ALICE', true],
    ]);
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
    fx.freeze();
    fx.setNow(Math.floor(fx.nowMs / 1000) * 1000 + 200);
    standin.setBudget('*', { perSecond: 3 });
    const c = client({ reject: true });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => c.users.info({ user: 'U1ALICE' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(WebAPIRateLimitedError);
    expect(standin.rateLimitedCount()).toBe(2);
    fx.setNow(fx.nowMs + 1000);
    await c.auth.test();
  });
});
