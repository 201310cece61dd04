import {
  type AnyMiddlewareArgs,
  type App,
  type Middleware,
  MultipleListenerError,
  type SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import type { CommandArgs } from './listener-args.js';

type CommandMiddleware = Middleware<SlackCommandMiddlewareArgs>;

const noop = async (): Promise<void> => {};

/**
 * Slash commands looked up by name instead of going through Bolt's listener list.
 *
 * Bolt hands every request to every registered listener, each through its own middleware chain,
 * and every step of a chain copies the listener arguments (`{...args, next, context, client,
 * logger}`: 5–13 µs each on Node 20.20 here, the copy plus four added properties): an ack paid for
 * every action, view and event listener of the app, more with each feature. Here a command
 * registered with a string name is found in a Map by one global middleware, which runs its listener
 * and stops: the cost of a command no longer depends on how many listeners the app has
 * (bench/README.md, ack section).
 *
 * Same contract as Bolt's `app.command`: listener middleware and `next`, several listeners for one
 * name run side by side, one failure is rethrown as is and several as a `MultipleListenerError`,
 * both reaching the app's error handler. Commands registered with a RegExp stay Bolt listeners and
 * still run.
 */
export class CommandRouter {
  private readonly routes = new Map<string, CommandMiddleware[][]>();
  private boltHasCommands = false;

  /** `app` as features see it: `command()` with a string name is routed here, the rest is Bolt's own. */
  wrap(app: App): App {
    const command = (name: string | RegExp, ...listeners: CommandMiddleware[]): void => {
      if (typeof name !== 'string') {
        this.boltHasCommands = true;
        app.command(name, ...listeners);
        return;
      }
      if (listeners.length === 0) throw new TypeError(`no listener given for ${name}`);
      const chains = this.routes.get(name) ?? [];
      chains.push(listeners);
      this.routes.set(name, chains);
    };
    return new Proxy(app, {
      get(target, prop) {
        if (prop === 'command') return command;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The global middleware that dispatches routed commands; add it after every other `use`. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
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
    };
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
