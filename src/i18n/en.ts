import type { Message } from './catalogue.js';
import { analytics } from './messages/analytics.js';
import { checkins } from './messages/checkins.js';
import { checkinsDelivery } from './messages/checkins-delivery.js';
import { common } from './messages/common.js';
import { community } from './messages/community.js';
import { help } from './messages/help.js';
import { home } from './messages/home.js';
import { missions } from './messages/missions.js';
import { offboarding } from './messages/offboarding.js';
import { offboardingForms } from './messages/offboarding-forms.js';
import { onboarding } from './messages/onboarding.js';
import { preferences } from './messages/preferences.js';
import { privacy } from './messages/privacy.js';
import { privacyExport } from './messages/privacy-export.js';
import { reengagement } from './messages/reengagement.js';
import { reminders } from './messages/reminders.js';
import { talent } from './messages/talent.js';

/** English catalogue, merged from one file per area (each holds en and fr side by side). */
export const en = {
  ...common.en,
  ...help.en,
  ...missions.en,
  ...onboarding.en,
  ...home.en,
  ...checkins.en,
  ...checkinsDelivery.en,
  ...preferences.en,
  ...offboarding.en,
  ...offboardingForms.en,
  ...talent.en,
  ...reengagement.en,
  ...reminders.en,
  ...community.en,
  ...privacy.en,
  ...privacyExport.en,
  ...analytics.en,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
