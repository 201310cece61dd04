import { App, type CodedError, ErrorCode, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { ListenerRouter } from '../../src/slack/listener-router.js';
import { lastResort } from '../../src/slack/unhandled.js';

/** A Bolt app fed by hand (processEvent), with the router installed the way createApp does it. */
function routedApp() {
  const bolt = new App({
    signingSecret: 'unused',
    authorize: async () => ({ botToken: 'xoxb-unit', botId: 'B0UNIT', botUserId: 'U0BOT' }),
    logLevel: LogLevel.ERROR,
    convoStore: false,
  });
  const errors: CodedError[] = [];
  bolt.error(async (e) => {
    errors.push(e);
  });
  const router = new ListenerRouter(lastResort(silentLogger(), async () => 'en'));
  const app = router.wrap(bolt);
  return {
    app,
    errors,
    /** Installs the dispatcher: after every registration, as in createApp. */
    start: () => bolt.use(router.middleware()),
    send(command: string, text = '') {
      return this.process({ command, text, user_id: 'U0USER', team_id: 'T0UNIT', channel_id: 'D0UNIT' });
    },
    /** Processes one body; resolves with every ack given (its response, or undefined). */
    async process(body: Record<string, unknown>) {
      const acks: unknown[] = [];
      await bolt.processEvent({
        body,
        ack: async (r?: unknown) => {
          acks.push(r);
        },
      });
      return acks;
    },
  };
}

describe('ListenerRouter', () => {
  it('runs the listener of the command by name, and only it', async () => {
    const t = routedApp();
    const seen: string[] = [];
    t.app.command('/a', async ({ ack, command, next }) => {
      seen.push(`a:${command.text}`);
      next();
      await ack({ text: 'A' });
    });
    t.app.command('/b', async ({ ack }) => {
      seen.push('b');
      await ack();
    });
    t.start();
    expect(await t.send('/a', 'help')).toEqual([{ text: 'A' }]);
    expect(seen).toEqual(['a:help']);
    expect(t.errors).toEqual([]);
  });

  it('keeps Bolt’s listener middleware contract: order, shared context, next', async () => {
    const t = routedApp();
    const seen: string[] = [];
    t.app.command(
      '/a',
      async ({ context, next }) => {
        seen.push('mw');
        context.extra = 'from middleware';
        await next();
      },
      async ({ context, ack }) => {
        seen.push(`listener ${String(context.extra)}`);
        await ack();
      },
    );
    t.start();
    await t.send('/a');
    expect(seen).toEqual(['mw', 'listener from middleware']);
  });

  it('runs every listener of one name; their failures reach the error handler as Bolt reports them', async () => {
    const t = routedApp();
    const ran: string[] = [];
    t.app.command('/a', async () => {
      ran.push('first');
      throw new Error('first failed');
    });
    t.app.command('/a', async ({ ack }) => {
      ran.push('second');
      await ack();
    });
    t.app.command('/b', async () => {
      throw new Error('b failed');
    });
    t.app.command('/b', async () => {
      throw new Error('b failed again');
    });
    t.start();
    await t.send('/a');
    expect(ran).toEqual(['first', 'second']);
    expect(t.errors.map((e) => e.message)).toEqual(['first failed']);
    await t.send('/b');
    expect(t.errors[1]?.code).toBe(ErrorCode.MultipleListenerError);
  });

  it('leaves RegExp commands to Bolt, which still runs them beside a routed one', async () => {
    const t = routedApp();
    const ran: string[] = [];
    t.app.command(/^\/(a|z)$/, async ({ command }) => {
      ran.push(`regexp ${command.command}`);
    });
    t.app.command('/a', async ({ ack }) => {
      ran.push('routed');
      await ack();
    });
    t.start();
    await t.send('/a');
    await t.send('/z');
    expect(ran.sort()).toEqual(['regexp /a', 'regexp /z', 'routed']);
  });

  it('passes non-command requests and unknown commands on to Bolt', async () => {
    const t = routedApp();
    const ran: string[] = [];
    t.app.command('/a', async () => {
      ran.push('routed');
    });
    t.app.use(async ({ next }) => {
      ran.push('later middleware');
      await next();
    });
    t.start();
    await t.send('/unknown');
    expect(ran).toEqual(['later middleware']);
  });

  it('acks an unknown command and an action nothing listens to, once', async () => {
    const t = routedApp();
    t.app.action('known', async ({ ack }) => {
      await ack();
    });
    t.start();
    expect(await t.send('/unknown')).toEqual([undefined]);
    expect(await t.process(blockAction('unknown'))).toEqual([undefined]);
    expect(await t.process(blockAction('known'))).toEqual([undefined]);
    expect(t.errors).toEqual([]);
  });

  it('acks for a listener that failed before its ack, and the failure still reaches the error handler', async () => {
    const t = routedApp();
    t.app.action('broken', async () => {
      throw new Error('broken before ack');
    });
    t.app.command('/broken', async () => {
      throw new Error('command broken before ack');
    });
    t.start();
    expect(await t.process(blockAction('broken'))).toEqual([undefined]);
    expect(await t.send('/broken')).toEqual([undefined]);
    expect(t.errors.map((e) => e.message)).toEqual(['broken before ack', 'command broken before ack']);
  });

  it('leaves alone a request that a listener middleware acked', async () => {
    const t = routedApp();
    t.app.action(
      'filtered',
      async ({ ack }) => {
        await ack();
      },
      async () => {},
    );
    t.start();
    expect(await t.process(blockAction('filtered'))).toEqual([undefined]);
  });

  it('answers an options request nothing serves with no options', async () => {
    const t = routedApp();
    t.start();
    const body = {
      type: 'block_suggestion',
      action_id: 'x',
      block_id: 'b',
      value: 'a',
      user: { id: 'U0USER' },
    };
    expect(await t.process({ ...body, team: { id: 'T0UNIT' } })).toEqual([{ options: [] }]);
  });
});

function blockAction(actionId: string) {
  return {
    type: 'block_actions',
    user: { id: 'U0USER' },
    team: { id: 'T0UNIT' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1' }],
  };
}
