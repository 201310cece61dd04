import type { Message } from './catalogue.js';
import type { MessageKey } from './en.js';
import { checkins } from './messages/checkins.js';
import { checkinsDelivery } from './messages/checkins-delivery.js';
import { common } from './messages/common.js';
import { help } from './messages/help.js';
import { home } from './messages/home.js';
import { missions } from './messages/missions.js';
import { onboarding } from './messages/onboarding.js';
import { preferences } from './messages/preferences.js';
import { privacy } from './messages/privacy.js';

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
  ...privacy.fr,
};
