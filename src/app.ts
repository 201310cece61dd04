import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Composition } from './compose.js';
import { pingDatabase } from './db/connection.js';
import { webClientOptions } from './slack/client.js';
import { ListenerRouter } from './slack/listener-router.js';
import { guardReceiver } from './slack/request-guard.js';
import { lastResort } from './slack/unhandled.js';

const EVENTS_PATH = '/slack/events';
/** How long the answer to a form nothing takes may wait for the user's language (then: the default). */
const LOCALE_WAIT_MS = 500;

/** The running Slack app: Bolt plus how it listens. */
export interface PasserelleApp {
  bolt: App;
  mode: 'http' | 'socket';
  /** Starts listening (HTTP port, or Socket Mode plus the health server); resolves with the HTTP port. */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** How the app talks to Slack beyond the configuration (tests shorten Socket Mode's timings). */
export interface AppOptions {
  /**
   * Socket Mode's pong deadline (default 5 s). The SDK also waits this long, times the failures in a
   * row, before reconnecting after Slack's `disconnect`.
   */
  socketPingTimeoutMs?: number;
}

/** Builds the Bolt app from its dependencies and registers every feature; does not start anything. */
export function createApp(deps: Composition, options: AppOptions = {}): PasserelleApp {
  const { config, logger } = deps;
  const routes: CustomRoute[] = [healthRoute(deps)];
  const common = {
    token: config.slack.botToken,
    logger,
    // Bolt's default in-memory conversation store is a global middleware that runs on every request
    // (and builds an Error for each unknown conversation); nothing here uses context.conversation.
    convoStore: false as const,
    clientOptions: webClientOptions(config, logger),
  };
  const appToken = config.slack.appToken;
  let bolt: App;
  let receiver: HTTPReceiver | undefined;
  if (appToken) {
    const socketReceiver = new SocketModeReceiver({
      appToken,
      logger,
      customRoutes: routes,
      // apps.connections.open goes through the receiver's own WebClient, which takes its options
      // (the API URL) from installerOptions.clientOptions, not from the App's clientOptions.
      installerOptions: { port: config.port, clientOptions: webClientOptions(config, logger) },
      ...(options.socketPingTimeoutMs ? { clientPingTimeout: options.socketPingTimeoutMs } : {}),
    });
    bolt = new App({ ...common, receiver: socketReceiver });
  } else {
    const signingSecret = config.slack.signingSecret ?? '';
    // The guard verifies every signature (with Bolt's own function) before Bolt sees the request:
    // Bolt doing it again would only cost a second HMAC and parse per request.
    receiver = new HTTPReceiver({
      signingSecret,
      signatureVerification: false,
      endpoints: EVENTS_PATH,
      customRoutes: routes,
      logger,
    });
    guardReceiver(receiver, { endpoint: EVENTS_PATH, signingSecret, logger });
    bolt = new App({ ...common, receiver });
  }
  bolt.error(async (error) => {
    const data = (error as { data?: { error?: string } }).data;
    if (error.code === 'slack_webapi_rate_limited_error' || data?.error) {
      logger.warn('Slack platform error in a listener', { code: error.code, slackError: data?.error });
    } else {
      logger.error('unhandled error in a listener', error);
    }
  });
  // Slash commands are found by name rather than through every listener of every feature, and
  // whatever no listener acked is acked at once (the user would otherwise see an error after 3 s).
  const router = new ListenerRouter(
    lastResort(logger, (userId) => deps.users.localeWithin(userId, config.defaultLocale, LOCALE_WAIT_MS)),
  );
  const registry = router.wrap(bolt);
  for (const feature of deps.features) feature.listeners?.(registry);
  bolt.use(router.middleware());

  return {
    bolt,
    mode: receiver ? 'http' : 'socket',
    async start() {
      if (receiver) {
        const server = await receiver.start(config.port);
        return { port: (server.address() as AddressInfo).port };
      }
      await bolt.start();
      return { port: config.port };
    },
    async stop() {
      await bolt.stop();
    },
  };
}

/** `GET /healthz`: 200 with the database status when it answers a ping, 503 otherwise. */
function healthRoute(deps: Pick<Composition, 'db'>): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void pingDatabase(deps.db).then((up) => {
        res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' }));
      });
    },
  };
}
