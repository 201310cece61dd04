import { describe, expect, it } from 'vitest';
import { configExamples, describeConfigProblems, loadConfig } from '../../src/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

describe('configuration', () => {
  it('applies defaults to a minimal HTTP-mode environment', () => {
    const res = loadConfig(valid);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.config.port).toBe(3000);
    expect(res.config.defaultLocale).toBe('fr');
    expect(res.config.dataDir).toBe('./.data');
    expect(res.config.adminUserIds).toEqual([]);
    expect(res.config.checkinReminderHours).toBe(24);
    expect(res.config.slackPostRate).toBe(48);
  });

  it('names every bad variable with what is wrong and an example', () => {
    const res = loadConfig({
      SLACK_BOT_TOKEN: 'not-a-token',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      PORT: 'eighty',
      DEFAULT_LOCALE: 'de',
      ADMIN_USER_IDS: 'U012ABC, bob',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      CHECKIN_REMINDER_HOURS: '0',
      SLACK_POST_RATE: 'fast',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const text = res.problems.join('\n');
    expect(text).toMatch(/^SLACK_BOT_TOKEN: must be a bot token \(example: SLACK_BOT_TOKEN=xoxb-/m);
    expect(text).toMatch(/^PORT: must be a number/m);
    expect(text).toMatch(/^DEFAULT_LOCALE: must be fr or en/m);
    expect(text).toMatch(/^ADMIN_USER_IDS: a comma-separated list of Slack user ids/m);
    expect(text).toMatch(/^DEFAULT_TIMEZONE: must be an IANA time zone/m);
    expect(text).toMatch(
      /^CHECKIN_REMINDER_HOURS: must be at least 1 \(example: CHECKIN_REMINDER_HOURS=24\)/m,
    );
    expect(text).toMatch(/^SLACK_POST_RATE: must be a number of messages per second/m);
    expect(res.problems).toHaveLength(7);
  });

  it('says a missing token is missing and points to the README', () => {
    const res = loadConfig({});
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems[0]).toMatch(/^SLACK_BOT_TOKEN: missing/);
    expect(describeConfigProblems(res.problems)).toContain('README.md');
  });

  it('needs a signing secret or an app token to serve, but not for the jobs CLI', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };
    const server = loadConfig(env, 'server');
    expect(server.ok).toBe(false);
    if (!server.ok) expect(server.problems[0]).toMatch(/^SLACK_SIGNING_SECRET: missing/);
    expect(loadConfig(env, 'cli').ok).toBe(true);
    expect(loadConfig({ ...env, SLACK_APP_TOKEN: 'xapp-1-A1-2-x' }, 'server').ok).toBe(true);
  });

  it.each(Object.entries(configExamples))('accepts its own example for %s (%s)', (variable, example) => {
    const res = loadConfig({ ...valid, [variable]: example });
    expect(res.ok ? [] : res.problems).toEqual([]);
  });
});
