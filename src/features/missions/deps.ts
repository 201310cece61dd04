import type { Locale } from '../../config.js';
import type { Deps } from '../../deps.js';
import type { Mission } from './model.js';

/** An onboarding template as the mission modal lists it. */
export interface TemplateOption {
  key: string;
  name: string;
}

/**
 * What a mission start asks of onboarding. Given by the composition root (features/index.ts):
 * onboarding reads and moves missions, so missions does not import it back.
 */
export interface MissionOnboarding {
  /** The templates a manager can pick, named in `locale`. */
  templates(locale: Locale): Promise<TemplateOption[]>;
  /** Creates the new mission's checklist and posts it to both sides (idempotent). */
  start(mission: Mission): Promise<void>;
}

/** What the missions feature uses of the app's dependencies. */
export type MissionsDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'users' | 'events' | 'scheduler'
>;

/** An alumnus the mission modal suggests for the skills typed (talent's, handed over). */
export interface AlumnusOption {
  userId: string;
  matched: string[];
  missionsDone: number;
}

/** Up to `limit` alumni matching `skills`, in the talent pool's order (never someone in `exclude`). */
export type MissionAlumni = (
  skills: readonly string[],
  limit: number,
  exclude: readonly string[],
) => Promise<AlumnusOption[]>;

/** A mission start also needs onboarding's part, and (when the talent pool is there) its suggestions. */
export type MissionStartDeps = MissionsDeps & { onboarding: MissionOnboarding; alumni?: MissionAlumni };
