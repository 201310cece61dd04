/** The stand-in's chat methods and response URLs: what is posted, changed and refused. */
import { describe, expect, it } from 'vitest';
import { slackError, standinFixture, TOKEN } from './fixture.js';

const { standin, client } = standinFixture();

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
