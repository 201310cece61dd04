/** The stand-in's auth and directory methods, driven by the real @slack/web-api WebClient. */
import { describe, expect, it } from 'vitest';
import { slackError, standinFixture } from './fixture.js';

const { standin, client } = standinFixture();

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
