import type { Harness } from './harness.js';
import type { StandinChannelInput, StandinUserInput } from './slack-standin-types.js';

let seq = 0;

/** A short tag in capitals and digits, as Slack ids are written. */
function tagOf(tag: string): string {
  return tag
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 6);
}

/**
 * A Slack user id no other test of the run's file has used: `U` + the tag + a counter (`UFREEL01A`).
 * Tests make their own people so that what they count (DMs, ephemerals, calls) is theirs alone.
 */
export function newUserId(tag = 'USER'): string {
  seq += 1;
  return `U${tagOf(tag)}${seq.toString(36).toUpperCase().padStart(3, '0')}`;
}

/** A channel id of the same kind (`C` + tag + counter). */
export function newChannelId(tag = 'CHAN'): string {
  seq += 1;
  return `C${tagOf(tag)}${seq.toString(36).toUpperCase().padStart(3, '0')}`;
}

/** What a test says about a person; the id is made, the name defaults to the tag. */
export type PersonProfile = Omit<StandinUserInput, 'id' | 'name'> & { name?: string };

/** Adds a new person to the stand-in's directory (their Slack profile) and returns their id. */
export function newPerson(h: Pick<Harness, 'standin'>, tag: string, profile: PersonProfile = {}): string {
  const id = newUserId(tag);
  h.standin.addUser({ name: tag.toLowerCase(), ...profile, id });
  return id;
}

/** A French freelancer in Paris (the most common reader of the app's DMs). */
export function newFrenchPerson(
  h: Pick<Harness, 'standin'>,
  tag: string,
  profile: PersonProfile = {},
): string {
  return newPerson(h, tag, { locale: 'fr-FR', tz: 'Europe/Paris', ...profile });
}

/** An English speaker; New York unless said otherwise. */
export function newEnglishPerson(
  h: Pick<Harness, 'standin'>,
  tag: string,
  profile: PersonProfile = {},
): string {
  return newPerson(h, tag, { locale: 'en-US', tz: 'America/New_York', ...profile });
}

/** Adds a new channel to the stand-in's directory and returns its id. */
export function newChannel(
  h: Pick<Harness, 'standin'>,
  tag: string,
  channel: Omit<StandinChannelInput, 'id' | 'name'> & { name?: string } = {},
): string {
  const id = newChannelId(tag);
  h.standin.addChannel({ name: tag.toLowerCase(), ...channel, id });
  return id;
}
