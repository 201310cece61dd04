/**
 * Socket Mode side of the Slack stand-in (SLACK.md 2.10–2.12): `apps.connections.open` hands out a
 * single-use `ws://` URL on the stand-in's own port, and the WebSocket behind it talks like Slack's:
 * `hello` on connect, envelopes (`slash_commands`, `interactive`, `events_api`) with an
 * `envelope_id`, acks matched back by that id (`{envelope_id, payload}`), and `disconnect` to make
 * the app reconnect. Plain module (no vitest) so the sandbox can reuse it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { type ApiResult, isObject, type Json } from './slack-standin-types.js';

/** An ack the app sent over the socket. */
export interface SocketAck {
  envelopeId: string;
  type: EnvelopeType;
  payload: Json | undefined;
  /** Milliseconds between sending the envelope and receiving its ack. */
  ms: number;
}

type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

interface Pending {
  type: EnvelopeType;
  sentAt: number;
  resolve: (payload: Json | undefined) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

// Interactions whose ack may carry a response (a view_submission's response_action, options).
const ANSWERABLE = new Set(['view_submission', 'block_suggestion', 'dialog_suggestion']);

/** The Socket Mode endpoint of the stand-in (see the module comment). */
export class StandinSocket {
  readonly acks: SocketAck[] = [];
  /** Connections that got their `hello`, since the start. */
  connectionsOpened = 0;
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly connectionWaiters: (() => void)[] = [];

  constructor(
    private readonly appTokens: ReadonlySet<string>,
    private readonly appId: string,
    private readonly baseUrl: () => string,
  ) {}

  /** `apps.connections.open`: only an app-level token, and only in the Authorization header. */
  connectionsOpen(headerToken: string | undefined): ApiResult {
    if (headerToken === undefined || headerToken === '') return { ok: false, error: 'not_authed' };
    if (!headerToken.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
    if (!this.appTokens.has(headerToken)) return { ok: false, error: 'invalid_auth' };
    const ticket = randomUUID();
    this.tickets.add(ticket);
    const ws = this.baseUrl().replace(/^http/, 'ws');
    return { ok: true, url: `${ws}/link/?ticket=${ticket}&app_id=${this.appId}` };
  }

  /** The HTTP server's `upgrade` listener: a ticket from connectionsOpen opens one socket, once. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/link/' || !this.tickets.delete(url.searchParams.get('ticket') ?? '')) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Open sockets (an app reconnecting has two for a moment). */
  get openConnections(): number {
    return this.sockets.length;
  }

  /** Delivers a slash command's form fields; resolves with the ack's payload. */
  sendSlashCommand(fields: Record<string, string>): Promise<Json | undefined> {
    return this.deliver('slash_commands', fields, true);
  }

  /** Delivers an interaction payload (block_actions, view_submission…); resolves with the ack's payload. */
  sendInteractive(payload: Json): Promise<Json | undefined> {
    return this.deliver('interactive', payload, ANSWERABLE.has(String(payload.type)));
  }

  /** Delivers an Events API body (`event_callback`); resolves with the ack's payload. */
  sendEvent(body: Json): Promise<Json | undefined> {
    return this.deliver('events_api', body, false);
  }

  /** Sends `disconnect` (as Slack does before recycling its host); resolves once the app is back. */
  async requestReconnect(reason: 'refresh_requested' | 'warning' = 'refresh_requested'): Promise<void> {
    const target = this.connectionsOpened + 1;
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'standin' } });
    for (const ws of this.sockets) ws.send(message);
    await this.waitForConnections(target, 20_000);
  }

  /** Resolves once `count` connections have been opened since the start (the app's first: 1). */
  async waitForConnections(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connectionsOpened < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} Socket Mode connection(s), saw ${this.connectionsOpened}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1);
        this.connectionWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes every socket; envelopes still waiting for an ack fail. */
  stop(): void {
    for (const ws of this.sockets.splice(0)) ws.terminate();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`stand-in stopped before the ack of ${id}`));
    }
    this.pending.clear();
    this.server.close();
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('close', () => {
      const i = this.sockets.indexOf(ws);
      if (i >= 0) this.sockets.splice(i, 1);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.length,
        debug_info: { host: 'standin', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.connectionsOpened += 1;
    for (const wake of this.connectionWaiters.splice(0)) wake();
  }

  private deliver(type: EnvelopeType, payload: Json, acceptsResponsePayload: boolean) {
    // Slack spreads envelopes over an app's connections; the newest one is as good as any.
    const ws = this.sockets.at(-1);
    if (ws === undefined) return Promise.reject(new Error(`no Socket Mode connection to send ${type}`));
    const envelopeId = randomUUID();
    const envelope: Json = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: acceptsResponsePayload,
    };
    if (type === 'events_api') Object.assign(envelope, { retry_attempt: 0, retry_reason: '' });
    return new Promise<Json | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`no ack for the ${type} envelope within 3 s (Slack gives up then)`));
      }, 3_000);
      this.pending.set(envelopeId, { type, sentAt: performance.now(), resolve, reject, timer });
      ws.send(JSON.stringify(envelope));
    });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!isObject(message) || typeof message.envelope_id !== 'string') return;
    const p = this.pending.get(message.envelope_id);
    if (p === undefined) return;
    this.pending.delete(message.envelope_id);
    clearTimeout(p.timer);
    const payload = isObject(message.payload) ? message.payload : undefined;
    this.acks.push({
      envelopeId: message.envelope_id,
      type: p.type,
      payload,
      ms: performance.now() - p.sentAt,
    });
    p.resolve(payload);
  }
}
