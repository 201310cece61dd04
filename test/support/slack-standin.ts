/**
 * A stand-in of the Slack Web API for tests and the local sandbox: a node:http server on
 * 127.0.0.1 that the real `WebClient` talks to (`slackApiUrl: standin.apiUrl`). It answers like
 * Slack (auth, errors, 429s, payload limits), records every call and keeps messages/views state.
 * Plain module on purpose (no vitest import) so the sandbox can reuse it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FaultFilter, Faults, type RateLimitOptions } from './slack-standin-faults.js';
import { createRouter } from './slack-standin-router.js';
import { StandinSocket } from './slack-standin-socket.js';
import { dmIdFor, type StandinIdentity, StandinState } from './slack-standin-state.js';
import {
  clockFn,
  type Json,
  type RecordedCall,
  type RecordedResponse,
  type StandinChannelInput,
  type StandinClock,
  type StandinEphemeral,
  type StandinFile,
  type StandinMessage,
  type StandinScheduled,
  type StandinUserInput,
  type StandinView,
} from './slack-standin-types.js';
import { applySubmissionAck, closeView } from './slack-standin-views.js';

export type { FaultFilter } from './slack-standin-faults.js';
export type * from './slack-standin-types.js';

/** Options of the stand-in; everything has a default. */
export interface SlackStandinOptions extends Partial<StandinIdentity> {
  /** Valid bot tokens (default `['xoxb-standin-token']`). */
  tokens?: string[];
  /** Valid app-level tokens for Socket Mode's apps.connections.open (default `['xapp-standin-token']`). */
  appTokens?: string[];
  /** Clock for triggers, response URLs, budgets and ts (default Date.now). */
  clock?: StandinClock;
  /** Port to listen on (default 0 = any free port). */
  port?: number;
}

/** The Slack Web API stand-in (see the module comment). */
export class SlackStandin {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** view_submission acks Slack would have refused, with the reasons (see applySubmissionAck). */
  readonly ackProblems: { viewId: string; problems: string[] }[] = [];
  readonly state: StandinState;
  /** Socket Mode: the WebSocket that apps.connections.open points to, and what it delivers. */
  readonly socket: StandinSocket;
  private readonly faults: Faults;
  private readonly tokens: Set<string>;
  private readonly revoked = new Set<string>();
  private readonly now: () => number;
  private server: Server | undefined;
  private port: number;

  constructor(opts: SlackStandinOptions = {}) {
    this.now = clockFn(opts.clock);
    this.tokens = new Set(opts.tokens ?? ['xoxb-standin-token']);
    this.port = opts.port ?? 0;
    this.faults = new Faults(this.now);
    this.state = new StandinState(
      {
        teamId: opts.teamId ?? 'T0STANDIN',
        teamDomain: opts.teamDomain ?? 'passerelle-standin',
        teamName: opts.teamName ?? 'Passerelle Stand-in',
        botUserId: opts.botUserId ?? 'U0STANDINBOT',
        botId: opts.botId ?? 'B0STANDINBOT',
        appId: opts.appId ?? 'A0STANDINAPP',
        defaultTz: opts.defaultTz ?? 'Europe/Paris',
        defaultLocale: opts.defaultLocale ?? 'en-US',
      },
      this.now,
    );
    const appTokens = new Set(opts.appTokens ?? ['xapp-standin-token']);
    this.socket = new StandinSocket(appTokens, this.state.identity.appId, () => this.baseUrl);
  }

  /** Starts listening on 127.0.0.1. */
  async start(): Promise<void> {
    const router = createRouter({
      state: this.state,
      faults: this.faults,
      calls: this.calls,
      responses: this.responses,
      now: this.now,
      baseUrl: () => this.baseUrl,
      connectionsOpen: (token) => this.socket.connectionsOpen(token),
      authError: (token) => {
        if (token === undefined || token === '') return 'not_authed';
        if (this.revoked.has(token)) return 'token_revoked';
        return this.tokens.has(token) ? undefined : 'invalid_auth';
      },
    });
    const server = createServer((req, res) => {
      router(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      });
    });
    server.on('upgrade', (req, socket, head: Buffer) => this.socket.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops the server (open keep-alive sockets are closed too). */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.socket.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `http://127.0.0.1:<port>` (valid after start). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What to pass as WebClient's `slackApiUrl` (ends in `/api/`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** The workspace/bot ids the stand-in answers with. */
  get identity(): StandinIdentity {
    return this.state.identity;
  }

  /** Adds a fake user to the directory. */
  addUser(user: StandinUserInput): this {
    this.state.addUser(user);
    return this;
  }

  /** Adds a fake channel to the directory. */
  addChannel(channel: StandinChannelInput): this {
    this.state.addChannel(channel);
    return this;
  }

  /** Accepts one more bot token (e.g. a second installation). */
  addToken(token: string): void {
    this.tokens.add(token);
    this.revoked.delete(token);
  }

  /** Makes a token answer `token_revoked` (app uninstalled). */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  /** The recorded calls of one method. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Current messages (edits applied, deleted ones left out unless asked) of a channel, or of the DM with a user. */
  messagesTo(channelOrUser: string, opts: { includeDeleted?: boolean } = {}): StandinMessage[] {
    const id = /^[UW]/.test(channelOrUser) ? dmIdFor(channelOrUser) : channelOrUser;
    return (this.state.messages.get(id) ?? []).filter((m) => opts.includeDeleted || !m.deleted);
  }

  /** One message as it currently stands. */
  message(channel: string, ts: string): StandinMessage | undefined {
    return this.state.findMessage(channel, ts);
  }

  /** Ephemeral messages (chat.postEphemeral and ephemeral response_url posts), optionally for one user. */
  ephemeralsTo(userId?: string): StandinEphemeral[] {
    return this.state.ephemerals.filter((e) => userId === undefined || e.user === userId);
  }

  /** Scheduled messages (deleted ones flagged), optionally of one channel. */
  scheduledMessages(channel?: string): StandinScheduled[] {
    return this.state.scheduled.filter((s) => channel === undefined || s.channel === channel);
  }

  /** The latest Home view published for a user (the view object as Slack returns it). */
  home(userId: string): Json | undefined {
    const id = this.state.homes.get(userId);
    return id === undefined ? undefined : this.state.views.get(id)?.view;
  }

  /** A view (modal or Home) by view_id, with its stack info and `closed` flag. */
  view(viewId: string): StandinView | undefined {
    return this.state.views.get(viewId);
  }

  /** Modals currently open for a user, oldest first. */
  openModals(userId?: string): StandinView[] {
    return [...this.state.views.values()].filter(
      (v) => !v.closed && v.view.type === 'modal' && (userId === undefined || v.userId === userId),
    );
  }

  /** Files announced/uploaded through files.getUploadURLExternal. */
  get files(): StandinFile[] {
    return [...this.state.files.values()];
  }

  /** A fresh response_url on the stand-in, tied to the interaction's channel/user/message. */
  newResponseUrl(ctx: { channelId?: string; userId?: string; messageTs?: string } = {}): string {
    return `${this.baseUrl}/response/${this.state.issueResponseUrl(ctx)}`;
  }

  /** A fresh single-use trigger_id (valid 3 s on the stand-in's clock); `viewId` = interaction came from that modal. */
  newTriggerId(ctx: { userId?: string; viewId?: string } = {}): string {
    return this.state.issueTrigger(ctx.userId, ctx.viewId);
  }

  /** Simulates the user closing a modal (with `wholeStack`, every view of its stack). */
  closeView(viewId: string, wholeStack = false): void {
    closeView(this.state, viewId, wholeStack);
  }

  /** Applies a view_submission ack body like Slack does; refused acks are recorded in `ackProblems`. */
  applyViewSubmissionAck(viewId: string, ack: unknown): string[] {
    const problems = applySubmissionAck(this.state, viewId, ack);
    if (problems.length > 0) this.ackProblems.push({ viewId, problems });
    return problems;
  }

  /**
   * The next `times` calls of `method` answer `{ok:false, error}` (HTTP 200). With `where`, only
   * the calls it accepts (e.g. `(a) => a.channel === userId`): a test fails its own calls, not
   * those other work in flight happens to make.
   */
  failNext(
    method: string,
    error: string,
    opts: { times?: number; extra?: Json; where?: FaultFilter } = {},
  ): void {
    this.faults.failNext(method, error, opts);
  }

  /** The next `times` calls of `method` (those `where` accepts, if given) answer HTTP `status`. */
  failHttp(
    method: string,
    status: number,
    opts: { times?: number; body?: string; where?: FaultFilter } = {},
  ): void {
    this.faults.failHttp(method, status, opts);
  }

  /** Calls of `method` get HTTP 429 + Retry-After (see RateLimitOptions for `every`/`times`). */
  rateLimit(method: string, opts: RateLimitOptions): void {
    this.faults.rateLimit(method, opts);
  }

  /** Per-clock-second budget for `method` (`'*'` = all methods together); `null` removes it. */
  setBudget(method: string, budget: { perSecond: number } | null): void {
    this.faults.setBudget(method, budget);
  }

  /** How many 429s were answered (for one method, or in total). */
  rateLimitedCount(method?: string): number {
    return this.faults.rateLimitedCount(method);
  }

  /** Drops every injected fault and budget (calls and state stay). */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Forgets calls, responses, posted state and faults; `directory: true` also forgets users/channels. */
  reset(opts: { directory?: boolean } = {}): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.ackProblems.length = 0;
    this.faults.clear();
    this.state.reset(opts.directory ?? false);
  }
}
