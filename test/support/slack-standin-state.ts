/**
 * The stand-in's workspace state: directory (users, channels, DMs), messages, views, triggers,
 * response URLs and files, plus the id/ts generators. No HTTP here; the method modules
 * (slack-standin-chat/views/directory.ts) read and change it.
 */
import { createHash } from 'node:crypto';
import type {
  ApiResult,
  Json,
  StandinChannelInput,
  StandinEphemeral,
  StandinFile,
  StandinMessage,
  StandinScheduled,
  StandinUserInput,
  StandinView,
} from './slack-standin-types.js';

/** The bot's DM channel id with a user: stable, derived from the user id (U123 → D123). */
export function dmIdFor(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** Who the stand-in's workspace and bot are. */
export interface StandinIdentity {
  teamId: string;
  teamDomain: string;
  teamName: string;
  botUserId: string;
  botId: string;
  appId: string;
  /** tz given to users added without one. */
  defaultTz: string;
  defaultLocale: string;
}

/** A channel with its mutable bot membership. */
export interface ChannelState extends StandinChannelInput {
  isMember: boolean;
  /** Membership as first added, restored by reset(). */
  initialMember: boolean;
}

/** An issued trigger_id (SLACK.md 3.1: single use, 3 s). */
export interface TriggerState {
  issuedAt: number;
  used: boolean;
  userId: string | undefined;
  /** The view the interaction came from, for views.push. */
  viewId: string | undefined;
}

/** An issued response_url (SLACK.md 2.3: 5 uses within 30 min). */
export interface ResponseUrlState {
  issuedAt: number;
  uses: number;
  channelId: string | undefined;
  userId: string | undefined;
  /** The message the interaction came from (for replace_original / delete_original). */
  messageTs: string | undefined;
}

/** Mutable state of one fake workspace. */
export class StandinState {
  readonly users = new Map<string, StandinUserInput>();
  readonly channels = new Map<string, ChannelState>();
  /** DM channel id → user id. */
  readonly dms = new Map<string, string>();
  /** Channel id → messages in posting order. */
  readonly messages = new Map<string, StandinMessage[]>();
  readonly ephemerals: StandinEphemeral[] = [];
  readonly scheduled: StandinScheduled[] = [];
  readonly views = new Map<string, StandinView>();
  /** User id → view id of the published Home. */
  readonly homes = new Map<string, string>();
  readonly triggers = new Map<string, TriggerState>();
  readonly responseUrls = new Map<string, ResponseUrlState>();
  readonly files = new Map<string, StandinFile>();
  private lastTsMicros = 0;
  private seq = 0;

  constructor(
    readonly identity: StandinIdentity,
    readonly now: () => number,
  ) {}

  /** Adds or replaces a fake user. */
  addUser(user: StandinUserInput): void {
    this.users.set(user.id, { ...user });
  }

  /** Adds or replaces a fake channel. */
  addChannel(channel: StandinChannelInput): void {
    const isMember = channel.isMember ?? false;
    this.channels.set(channel.id, { ...channel, isMember, initialMember: isMember });
  }

  /** A fresh id with Slack's one-letter prefix (V view, Q scheduled message, F file, R response). */
  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}0${String(this.seq).padStart(8, '0')}`;
  }

  /** A unique, strictly increasing message ts near the clock ("1700000000.000100"). */
  nextTs(): string {
    const fromClock = Math.floor(this.now() / 1000) * 1_000_000 + 100;
    this.lastTsMicros = Math.max(this.lastTsMicros + 100, fromClock);
    const secs = Math.floor(this.lastTsMicros / 1_000_000);
    return `${secs}.${String(this.lastTsMicros % 1_000_000).padStart(6, '0')}`;
  }

  /** A view hash like Slack's "1569362015.55b5e41b". */
  nextHash(): string {
    this.seq += 1;
    const digest = createHash('sha1').update(`hash${this.seq}`).digest('hex').slice(0, 8);
    return `${Math.floor(this.now() / 1000)}.${digest}`;
  }

  /** A trigger_id in Slack's `123456.7890123.abcdef…` shape, registered as unused. */
  issueTrigger(userId?: string, viewId?: string): string {
    this.seq += 1;
    const digest = createHash('sha1').update(`trigger${this.seq}`).digest('hex').slice(0, 32);
    const id = `${100000 + this.seq}.${7890123 + this.seq}.${digest}`;
    this.triggers.set(id, { issuedAt: this.now(), used: false, userId, viewId });
    return id;
  }

  /** A new response_url id tied to an interaction's channel/user/message (valid 30 min, 5 uses). */
  issueResponseUrl(ctx: { channelId?: string; userId?: string; messageTs?: string }): string {
    const id = this.nextId('R');
    const { channelId, userId, messageTs } = ctx;
    this.responseUrls.set(id, { issuedAt: this.now(), uses: 0, channelId, userId, messageTs });
    return id;
  }

  /** The stable DM channel id of a user (opened on first use). */
  dmFor(userId: string): string {
    const id = dmIdFor(userId);
    this.dms.set(id, userId);
    return id;
  }

  /** The messages of a channel (created on first use). */
  channelMessages(channel: string): StandinMessage[] {
    let list = this.messages.get(channel);
    if (list === undefined) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  /** A message by channel and ts (deleted ones included). */
  findMessage(channel: string, ts: string): StandinMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  /** The view a `view_id` or `external_id` names, if any. */
  findView(viewId: string | undefined, externalId: string | undefined): StandinView | undefined {
    if (viewId !== undefined) return this.views.get(viewId);
    if (externalId === undefined) return undefined;
    return [...this.views.values()].find((v) => v.externalId === externalId && !v.closed);
  }

  /** Open modal views of a stack, root first. */
  stackOf(rootViewId: string): StandinView[] {
    return [...this.views.values()].filter((v) => v.rootViewId === rootViewId && !v.closed);
  }

  /** Forgets everything posted/opened; with `directory` also users, channels and DMs. */
  reset(directory: boolean): void {
    this.messages.clear();
    this.ephemerals.length = 0;
    this.scheduled.length = 0;
    this.views.clear();
    this.homes.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.files.clear();
    if (directory) {
      this.users.clear();
      this.channels.clear();
      this.dms.clear();
      return;
    }
    for (const c of this.channels.values()) c.isMember = c.initialMember;
  }
}

/** What a Web API method handler gets: the workspace state and the parsed args. */
export interface MethodContext {
  state: StandinState;
  args: Json;
  /** `http://127.0.0.1:<port>` of the stand-in (for upload URLs). */
  baseUrl: string;
}

/** One Web API method of the stand-in. */
export type MethodHandler = (ctx: MethodContext) => ApiResult;
