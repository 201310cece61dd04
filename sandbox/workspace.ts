/**
 * The sandbox's workspace: the people and channels registered in the Slack stand-in, each with the
 * role, language and zone that decide what they see.
 */
import type { SlackStandin } from '../test/support/slack-standin.js';

/** One seeded person. */
export interface SandboxPerson {
  id: string;
  name: string;
  realName: string;
  /** What the person is in the product, as the picker says it. */
  role: 'manager' | 'freelancer' | 'admin' | 'animator';
  locale: string;
  tz: string;
  isGuest?: boolean;
}

/** A manager, two freelancers (one a guest in New York), an admin, an animator. */
export const people: readonly SandboxPerson[] = [
  {
    id: 'UMAYAMGR1',
    name: 'maya',
    realName: 'Maya Laurent',
    role: 'manager',
    locale: 'en-GB',
    tz: 'Europe/London',
  },
  {
    id: 'UALICEFR1',
    name: 'alice',
    realName: 'Alice Moreau',
    role: 'freelancer',
    locale: 'fr-FR',
    tz: 'Europe/Paris',
  },
  {
    id: 'USAMNYC01',
    name: 'sam',
    realName: 'Sam Rivera',
    role: 'freelancer',
    locale: 'en-US',
    tz: 'America/New_York',
    isGuest: true,
  },
  {
    id: 'UADAADM01',
    name: 'ada',
    realName: 'Ada Nguyen',
    role: 'admin',
    locale: 'en-US',
    tz: 'Europe/Paris',
  },
  {
    id: 'UNORAANI1',
    name: 'nora',
    realName: 'Nora Petit',
    role: 'animator',
    locale: 'fr-FR',
    tz: 'Europe/Paris',
  },
];

/**
 * Freelancers who worked with Maya in the quarter before the demo (sandbox/demo-history.ts): in the
 * directory (names, pickers, the talent pool) but not offered in "Viewing as".
 */
export const pastFreelancers: readonly SandboxPerson[] = [
  {
    id: 'ULEAMART1',
    name: 'lea',
    realName: 'Léa Martin',
    role: 'freelancer',
    locale: 'fr-FR',
    tz: 'Europe/Paris',
  },
  {
    id: 'UTOMBECK1',
    name: 'tom',
    realName: 'Tom Becker',
    role: 'freelancer',
    locale: 'en-GB',
    tz: 'Europe/Berlin',
  },
  {
    id: 'UINESHAD1',
    name: 'ines',
    realName: 'Inès Haddad',
    role: 'freelancer',
    locale: 'fr-FR',
    tz: 'Europe/Paris',
  },
  {
    id: 'UJONASBE1',
    name: 'jonas',
    realName: 'Jonas Berg',
    role: 'freelancer',
    locale: 'en-GB',
    tz: 'Europe/Stockholm',
  },
  {
    id: 'UPRIYASH1',
    name: 'priya',
    realName: 'Priya Shah',
    role: 'freelancer',
    locale: 'en-GB',
    tz: 'Europe/London',
  },
  {
    id: 'UMARCORO1',
    name: 'marco',
    realName: 'Marco Rossi',
    role: 'freelancer',
    locale: 'en-GB',
    tz: 'Europe/Rome',
  },
];

/** The team channel a mission is run in, and the freelancers' community channel. */
export const channels = {
  team: { id: 'CTEAMPAY01', name: 'team-payments' },
  community: { id: 'CCOMMUNIT1', name: 'freelance-community' },
} as const;

/** The person of this role (the first one). */
export function personOf(role: SandboxPerson['role'], index = 0): SandboxPerson {
  const found = people.filter((p) => p.role === role)[index];
  if (!found) throw new Error(`no ${role} #${index} in the sandbox workspace`);
  return found;
}

/** Registers the people and channels as Slack users and channels of the stand-in. */
export function seedDirectory(standin: SlackStandin): void {
  for (const p of [...people, ...pastFreelancers]) {
    standin.addUser({
      id: p.id,
      name: p.name,
      realName: p.realName,
      displayName: p.realName.split(' ')[0],
      locale: p.locale,
      tz: p.tz,
      email: `${p.name}@example.com`,
      ...(p.isGuest ? { isGuest: true } : {}),
      ...(p.role === 'admin' ? { isAdmin: true } : {}),
    });
  }
  // The app is not in the team channel yet (it joins when a mission names it); it is in the community's.
  standin.addChannel({ ...channels.team, isMember: false });
  standin.addChannel({ ...channels.community, isMember: true });
}
