import type { Message } from './catalogue.js';
import type { MessageKey } from './en.js';
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

/** French catalogue: the same keys as English, area by area (checked by the compiler and a test). */
export const fr: Record<MessageKey, Message> = {
  ...common.fr,
  ...help.fr,
  ...missions.fr,
  ...onboarding.fr,
  ...home.fr,
  ...checkins.fr,
  ...checkinsDelivery.fr,
  ...preferences.fr,
  ...offboarding.fr,
  ...offboardingForms.fr,
  ...talent.fr,
  ...reengagement.fr,
  ...reminders.fr,
  ...community.fr,
  ...privacy.fr,
  ...privacyExport.fr,
  ...analytics.fr,
};
