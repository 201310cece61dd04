import type { Deps } from '../../deps.js';

/** A member of the talent pool who opted in to be introduced to the community. */
export interface PoolMember {
  userId: string;
  skills: string[];
}

/**
 * What community events use: the app's dependencies, plus (handed over by features/index.ts once
 * the talent pool exists) the members who opted in since a date, for the weekly digest.
 */
export type CommunityDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'scheduler'
> & {
  poolMembers?: (since: Date) => Promise<PoolMember[]>;
};
