import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import type { Locale } from '../config.js';
import { NotFoundError } from '../errors.js';
import { toSupportedLocale } from '../i18n/index.js';
import { isPlatformError } from './errors.js';

/** What the app needs to know about a Slack user. */
export interface SlackUser {
  id: string;
  name: string;
  /** The user's Slack locale mapped to a supported one; undefined when Slack did not say or it is unsupported. */
  locale: Locale | undefined;
  /** IANA zone from the profile; undefined when it cannot be read. */
  tz: string | undefined;
  isBot: boolean;
  deleted: boolean;
  isGuest: boolean;
}

interface Entry {
  user: SlackUser;
  expiresAt: number;
}

/**
 * Reads users through `users.info` (with `include_locale`) and caches them for a bounded time and
 * count: locale and zone change rarely, and users.info is Tier 4, so every command must not call it.
 */
export class UserDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<SlackUser>>();

  constructor(
    private readonly client: WebClient,
    private readonly clock: Clock,
    private readonly options: { ttlMs: number; maxEntries: number } = {
      ttlMs: 10 * 60_000,
      maxEntries: 5_000,
    },
  ) {}

  /** The user, from cache or Slack; throws NotFoundError for an unknown user id. */
  async get(userId: string): Promise<SlackUser> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(userId);
    if (hit && hit.expiresAt > now) return hit.user;
    const pending = this.inFlight.get(userId);
    if (pending) return pending;
    const lookup = this.fetch(userId).finally(() => this.inFlight.delete(userId));
    this.inFlight.set(userId, lookup);
    return lookup;
  }

  /** The user's locale, or `fallback` when Slack cannot tell (unknown user, unsupported language). */
  async localeOf(userId: string, fallback: Locale): Promise<Locale> {
    try {
      return (await this.get(userId)).locale ?? fallback;
    } catch {
      return fallback;
    }
  }

  /**
   * Like `localeOf`, but never waits longer than `maxWaitMs`: for answers that must go out inside a
   * 3-second ack. A slow lookup still fills the cache for the next time.
   */
  async localeWithin(userId: string, fallback: Locale, maxWaitMs: number): Promise<Locale> {
    const hit = this.cache.get(userId);
    if (hit && hit.expiresAt > this.clock.now().getTime()) return hit.user.locale ?? fallback;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Locale>((resolve) => {
      timer = setTimeout(() => resolve(fallback), maxWaitMs);
    });
    try {
      return await Promise.race([this.localeOf(userId, fallback), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets a user (after a profile change event). */
  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async fetch(userId: string): Promise<SlackUser> {
    const res = await this.client.users.info({ user: userId, include_locale: true }).catch((err: unknown) => {
      if (isPlatformError(err, 'user_not_found')) throw new NotFoundError(`Slack user ${userId} not found`);
      throw err;
    });
    const u = res.user;
    if (!u?.id) throw new NotFoundError(`Slack user ${userId} not found`);
    const user: SlackUser = {
      id: u.id,
      name: u.profile?.display_name || u.real_name || u.name || u.id,
      locale: toSupportedLocale(u.locale),
      tz: u.tz || undefined,
      isBot: Boolean(u.is_bot) || u.id === 'USLACKBOT',
      deleted: Boolean(u.deleted),
      isGuest: Boolean(u.is_restricted || u.is_ultra_restricted),
    };
    this.remember(user);
    return user;
  }

  private remember(user: SlackUser): void {
    // Map keeps insertion order: dropping the first key evicts the oldest entry.
    if (this.cache.size >= this.options.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(user.id, { user, expiresAt: this.clock.now().getTime() + this.options.ttlMs });
  }
}
