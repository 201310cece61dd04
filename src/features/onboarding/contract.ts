// The onboarding feature's public API, used by missions (creation) and home (views).
// (Written first so features can be built side by side; onboarding/service.ts implements it.)
import type { Locale } from '../../config.js';

export type ItemOwner = 'freelancer' | 'manager';

/** A checklist item as other features see it. */
export interface ChecklistItemView {
  id: string;
  missionId: string;
  missionTitle: string;
  label: string;
  owner: ItemOwner;
  ownerId: string;
  dueAt: Date | null;
  done: boolean;
}

/** Done / total items of a mission's onboarding. */
export interface Progress {
  done: number;
  total: number;
}

/** An onboarding template as the mission modal lists it. */
export interface TemplateChoice {
  key: string;
  name: string;
}

export type { Locale };
