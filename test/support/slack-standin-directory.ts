/**
 * Directory methods of the stand-in: auth.test, users.info, users.lookupByEmail,
 * conversations.open/join/info, and the channel resolution shared with chat.* methods
 * (SLACK.md 8.1–8.3, 8.10–8.11).
 */
import { dmIdFor, type MethodHandler, type StandinState } from './slack-standin-state.js';
import { type ApiResult, bool, fail, type Json, type StandinUserInput, str } from './slack-standin-types.js';

/** A resolved post target, or the error Slack would answer. */
export type Target = { ok: true; channel: string; dmUser?: string } | { ok: false; result: ApiResult };

const reject = (error: string): Target => ({ ok: false, result: fail(error) });

/**
 * Resolves `channel` of a chat.* call like Slack: a user id opens the bot's DM with them,
 * a `#name` is looked up, a channel needs the bot as a member (`not_in_channel`).
 */
export function resolveTarget(state: StandinState, channel: string | undefined): Target {
  if (channel === undefined || channel === '') return reject('channel_not_found');
  if (channel.startsWith('U') || channel.startsWith('W')) {
    const user = state.users.get(channel);
    if (user === undefined) return reject('channel_not_found');
    if (user.isBot) return reject('cannot_dm_bot');
    // A deactivated user's DM may accept the post silently (SLACK.md 8.10), so no error here.
    return { ok: true, channel: state.dmFor(channel), dmUser: channel };
  }
  if (channel.startsWith('D')) {
    const dmUser = state.dms.get(channel);
    return dmUser === undefined ? reject('channel_not_found') : { ok: true, channel, dmUser };
  }
  const byName = channel.startsWith('#')
    ? [...state.channels.values()].find((c) => c.name === channel.slice(1))
    : state.channels.get(channel);
  if (byName === undefined) return reject('channel_not_found');
  // A private channel the bot is not in is invisible to it.
  if (byName.isPrivate && !byName.isMember) return reject('channel_not_found');
  if (byName.isArchived) return reject('is_archived');
  if (!byName.isMember) return reject('not_in_channel');
  return { ok: true, channel: byName.id };
}

/** Current UTC offset (seconds) and long label of an IANA zone at `atMs`. */
function zoneInfo(tz: string, atMs: number): { offset: number; label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(new Date(atMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { offset, label: part('long') };
}

/** The users.info `user` object of a fake user. */
export function userJson(state: StandinState, u: StandinUserInput, includeLocale: boolean): Json {
  const realName = u.realName ?? u.name;
  const tz = u.tz === undefined ? state.identity.defaultTz : u.tz;
  const out: Json = {
    id: u.id,
    team_id: state.identity.teamId,
    name: u.name,
    deleted: u.deleted ?? false,
    real_name: realName,
    is_bot: u.isBot ?? false,
    is_app_user: false,
    is_admin: u.isAdmin ?? false,
    is_owner: false,
    is_restricted: u.isGuest ?? false,
    is_ultra_restricted: false,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: u.displayName ?? u.name,
      display_name_normalized: u.displayName ?? u.name,
      ...(u.email !== undefined ? { email: u.email } : {}),
      team: state.identity.teamId,
    },
  };
  if (tz !== null) {
    const { offset, label } = zoneInfo(tz, state.now());
    Object.assign(out, { tz, tz_label: label, tz_offset: offset });
  }
  // Slack sends locale only when asked with include_locale (SLACK.md 7.2).
  if (includeLocale) out.locale = u.locale ?? state.identity.defaultLocale;
  return out;
}

function channelJson(state: StandinState, id: string): Json | undefined {
  const dmUser = state.dms.get(id);
  if (dmUser !== undefined) {
    return {
      id,
      is_im: true,
      is_channel: false,
      is_group: false,
      is_private: true,
      user: dmUser,
      is_open: true,
    };
  }
  const c = state.channels.get(id);
  if (c === undefined) return undefined;
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isPrivate,
    is_group: c.isPrivate ?? false,
    is_im: false,
    is_mpim: c.id.startsWith('G') && c.name.startsWith('mpdm-'),
    is_private: c.isPrivate ?? false,
    is_archived: c.isArchived ?? false,
    is_member: c.isMember,
    context_team_id: state.identity.teamId,
  };
}

/** The directory methods, by Slack method name. */
export const directoryMethods: Record<string, MethodHandler> = {
  'auth.test': ({ state }) => ({
    ok: true,
    url: `https://${state.identity.teamDomain}.slack.com/`,
    team: state.identity.teamName,
    user: 'passerelle',
    team_id: state.identity.teamId,
    user_id: state.identity.botUserId,
    bot_id: state.identity.botId,
    is_enterprise_install: false,
  }),

  'users.info': ({ state, args }) => {
    const user = state.users.get(str(args, 'user') ?? '');
    if (user === undefined) return fail('user_not_found');
    return { ok: true, user: userJson(state, user, bool(args, 'include_locale')) };
  },

  'users.lookupByEmail': ({ state, args }) => {
    const email = str(args, 'email');
    const user = [...state.users.values()].find((u) => u.email !== undefined && u.email === email);
    return user === undefined ? fail('users_not_found') : { ok: true, user: userJson(state, user, false) };
  },

  'conversations.open': ({ state, args }) => {
    const channelArg = str(args, 'channel');
    if (channelArg !== undefined) {
      const ch = channelJson(state, channelArg);
      return ch === undefined ? fail('channel_not_found') : { ok: true, channel: ch };
    }
    const ids = (str(args, 'users') ?? '').split(',').filter((s) => s !== '');
    if (ids.length === 0) return fail('users_list_not_supplied');
    for (const id of ids) {
      const u = state.users.get(id);
      if (u === undefined) return fail('user_not_found');
      if (u.isBot) return fail('cannot_dm_bot');
      if (u.deleted) return fail('user_disabled');
    }
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) {
      const already = state.dms.has(dmIdFor(only));
      const id = state.dmFor(only);
      return { ok: true, ...(already ? { no_op: true, already_open: true } : {}), channel: { id } };
    }
    // A group DM: the bot is in it from the start.
    const sorted = [...ids].sort();
    const id = `G${sorted.map((s) => s.slice(1)).join('')}`.slice(0, 24);
    if (!state.channels.has(id)) {
      state.addChannel({ id, name: `mpdm-${sorted.join('--')}`, isPrivate: true, isMember: true });
    }
    return { ok: true, channel: { id } };
  },

  'conversations.join': ({ state, args }) => {
    const c = state.channels.get(str(args, 'channel') ?? '');
    // Private channels cannot be joined, and are invisible to a non-member bot.
    if (c === undefined || (c.isPrivate && !c.isMember)) return fail('channel_not_found');
    if (c.isArchived) return fail('is_archived');
    const already = c.isMember;
    c.isMember = true;
    return {
      ok: true,
      channel: channelJson(state, c.id),
      ...(already
        ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
        : {}),
    };
  },

  'conversations.info': ({ state, args }) => {
    const id = str(args, 'channel') ?? '';
    const c = state.channels.get(id);
    if (c?.isPrivate && !c.isMember) return fail('channel_not_found');
    const ch = channelJson(state, id);
    return ch === undefined ? fail('channel_not_found') : { ok: true, channel: ch };
  },

  // Paged like Slack (`limit`, `cursor` = the offset here); a channel without a member list has every
  // human user of the directory as a member.
  'conversations.members': ({ state, args }) => {
    const c = state.channels.get(str(args, 'channel') ?? '');
    if (c === undefined || (c.isPrivate && !c.isMember)) return fail('channel_not_found');
    const all = c.members ?? [...state.users.values()].filter((u) => !u.isBot && !u.deleted).map((u) => u.id);
    const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 1000);
    const offset = Number(str(args, 'cursor') ?? '0') || 0;
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? String(offset + limit) : '';
    return { ok: true, members: page, response_metadata: { next_cursor: next } };
  },
};
