import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';

/** A feature plugs into the app (listeners) and into the scheduler (job handlers, planners). */
export interface Feature {
  name: string;
  register?(app: App, deps: Deps): void;
  registerJobs?(deps: Deps): void;
}
