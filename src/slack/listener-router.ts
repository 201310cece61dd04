import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type App,
  type Context,
  type Middleware,
  MultipleListenerError,
  type SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import type { CommandArgs } from './listener-args.js';
import type { LastResort } from './unhandled.js';

type CommandMiddleware = Middleware<SlackCommandMiddlewareArgs>;
type AnyListener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** What happened to one request while its listeners ran. */
interface Handling {
  claimed: boolean;
  acked: boolean;
}

/** Registrations whose listeners are tracked, so the last resort knows what nothing took. */
const TRACKED = new Set(['action', 'view', 'options', 'shortcut', 'event', 'message']);

const noop = async (): Promise<void> => {};

/**
 * The app's one dispatch mechanism on top of Bolt's: slash commands looked up by name, and a last
 * resort for every request that no listener acked.
 *
 * Commands: Bolt hands every request to every registered listener, each through its own middleware
 * chain, and every step of a chain copies the listener arguments (`{...args, next, context, client,
 * logger}`): an ack pays for every action, view and event listener of the app, more with each
 * feature. Here a command registered with a string name is found in a Map by one global
 * middleware, which runs its listener and stops: the cost of a command does not depend on how many
 * listeners the app has. Same contract as Bolt's `app.command`: listener middleware and
 * `next`, several listeners for one name run side by side, one failure is rethrown as is and several
 * as a `MultipleListenerError`, both reaching the app's error handler. Commands registered with a
 * RegExp stay Bolt listeners and still run.
 *
 * Last resort: Bolt runs the listeners inside the last global middleware's `next()`, and shares one
 * `context` object between all of them. Each function given to `action`, `view`, `options`,
 * `shortcut`, `event`, `message` (and routed commands) is wrapped to note in that request's record
 * that a listener took it and whether it called `ack()`. Once `next()` returns, every listener has
 * finished: what is still unacked goes to the last resort at once, instead of Bolt's 404 after 3 s.
 */
export class ListenerRouter {
  private readonly routes = new Map<string, CommandMiddleware[][]>();
  private readonly handling = new WeakMap<Context, Handling>();
  private boltHasCommands = false;

  constructor(private readonly last: LastResort) {}

  /** `app` as features see it: `command()` with a string name is routed here, listeners are tracked. */
  wrap(app: App): App {
    const command = (name: string | RegExp, ...listeners: CommandMiddleware[]): void => {
      if (typeof name !== 'string') {
        this.boltHasCommands = true;
        app.command(name, ...listeners.map((l) => this.track(l)));
        return;
      }
      if (listeners.length === 0) throw new TypeError(`no listener given for ${name}`);
      const chains = this.routes.get(name) ?? [];
      chains.push(listeners.map((l) => this.track(l)));
      this.routes.set(name, chains);
    };
    return new Proxy(app, {
      get: (target, prop) => {
        if (prop === 'command') return command;
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (typeof prop !== 'string' || !TRACKED.has(prop)) return value.bind(target);
        // Patterns and constraints pass as they are; each listener function is tracked.
        return (...args: unknown[]) =>
          Reflect.apply(
            value,
            target,
            args.map((a) => (typeof a === 'function' ? this.track(a as AnyListener) : a)),
          );
      },
    });
  }

  /** The global middleware that dispatches commands and acks what nothing acked; add it after every other `use`. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const handling: Handling = { claimed: false, acked: false };
      this.handling.set(args.context, handling);
      let failed = false;
      try {
        await this.dispatch(args);
      } catch (err) {
        failed = true;
        throw err;
      } finally {
        if ('ack' in args && args.ack && !handling.acked) {
          await this.last.ack(args, { claimed: handling.claimed, failed });
        } else if ('event' in args && !handling.claimed) {
          this.last.unclaimedEvent(args);
        }
      }
    };
  }

  private async dispatch(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const name = 'command' in args && args.command ? args.command.command : undefined;
    const chains = name === undefined ? undefined : this.routes.get(name);
    if (!chains) {
      await args.next();
      return;
    }
    const commandArgs = args as CommandArgs;
    const rest = commandArgs.next;
    const only = chains[0];
    if (chains.length === 1 && only?.length === 1 && only[0] && !this.boltHasCommands) {
      // The usual case, without another copy of the arguments: Bolt gives listeners a no-op next.
      commandArgs.next = noop;
      await only[0](commandArgs);
      return;
    }
    const runs = chains.map((chain) => runChain(chain, commandArgs));
    if (this.boltHasCommands) runs.push(rest());
    const failures = (await Promise.allSettled(runs))
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as Error);
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new MultipleListenerError(failures);
  }

  /**
   * The listener, noting that it ran and whether it acked. Each step of a chain gets its own copy
   * of the arguments from Bolt, so replacing `ack` on it reaches that step only.
   */
  private track<L extends AnyListener | CommandMiddleware>(listener: L): L {
    const tracked = async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
      const handling = this.handling.get(args.context);
      if (handling) {
        handling.claimed = true;
        const ack = 'ack' in args ? args.ack : undefined;
        if (ack) {
          const noted = async (...response: unknown[]) => {
            handling.acked = true;
            await Reflect.apply(ack, undefined, response);
          };
          Reflect.set(args, 'ack', noted);
        }
      }
      await Reflect.apply(listener, undefined, [args]);
    };
    return tracked as L;
  }
}

/** Bolt's `processMiddleware` for one listener chain: each step gets its own arguments and `next`. */
async function runChain(chain: CommandMiddleware[], args: CommandArgs): Promise<void> {
  let last = -1;
  const invoke = async (i: number): Promise<void> => {
    if (i <= last) throw new Error('next() called multiple times');
    last = i;
    const step = chain[i];
    if (!step) return;
    const final = i === chain.length - 1;
    await step({ ...args, next: final ? noop : () => invoke(i + 1) });
  };
  await invoke(0);
}
