import type { Message } from '../catalogue.js';

/** Messages of the "what Passerelle may send me" settings (`/passerelle mute|snooze|settings`). */
const en = {
  'preferences.category.reminders': 'reminders',
  'preferences.category.nudges': 'nudges',
  'preferences.category.digests': 'digests',
  'preferences.category.events': 'event reminders',
  'preferences.muted': 'Done: no more {category} from Passerelle. `/passerelle unmute` brings them back.',
  'preferences.unmuted': 'Done: {category} are back on.',
  'preferences.snoozed':
    'Snoozed until {date}: reminders, nudges and digests wait until then (alerts and answers to what you do still come).',
  'preferences.unsnoozed': 'Snooze over: messages come at the usual times again.',
  'preferences.usage.mute': 'Usage: `/passerelle mute reminders|nudges|digests|events` (or `unmute`).',
  'preferences.usage.snooze':
    'Usage: `/passerelle snooze 3d` (1 to 90 days) or `/passerelle snooze until 2026-12-24` (a future date).',
  'preferences.settings.muted': '*Muted:* {list}',
  'preferences.settings.snoozed': '*Snoozed until* {date}',
  'preferences.settings.notSnoozed': '*Snooze:* off',
  'preferences.settings.hours':
    'Reminders and nudges reach you 08:00–19:00 on your working days, in your time zone; the rest wait, they are never dropped.',
  'preferences.none': 'nothing',
  'help.preferences':
    '*Your messages*\n• `/passerelle mute reminders|nudges|digests|events` / `unmute …`\n• `/passerelle snooze 3d` or `snooze until YYYY-MM-DD` / `unsnooze`\n• `/passerelle settings` — what is muted or snoozed',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'preferences.category.reminders': 'rappels',
  'preferences.category.nudges': 'relances',
  'preferences.category.digests': 'récapitulatifs',
  'preferences.category.events': 'rappels d’événements',
  'preferences.muted': 'C’est fait : plus de {category} de Passerelle. `/passerelle unmute` les rétablit.',
  'preferences.unmuted': 'C’est fait : les {category} sont rétablis.',
  'preferences.snoozed':
    'En pause jusqu’au {date} : rappels, relances et récapitulatifs attendront (les alertes et les réponses à vos actions arrivent toujours).',
  'preferences.unsnoozed': 'Pause terminée : les messages reprennent à l’heure habituelle.',
  'preferences.usage.mute': 'Utilisation : `/passerelle mute reminders|nudges|digests|events` (ou `unmute`).',
  'preferences.usage.snooze':
    'Utilisation : `/passerelle snooze 3d` (1 à 90 jours) ou `/passerelle snooze until 2026-12-24` (une date à venir).',
  'preferences.settings.muted': '*Coupés :* {list}',
  'preferences.settings.snoozed': '*En pause jusqu’au* {date}',
  'preferences.settings.notSnoozed': '*Pause :* non',
  'preferences.settings.hours':
    'Rappels et relances vous parviennent de 08:00 à 19:00 vos jours travaillés, dans votre fuseau ; les autres attendent, rien n’est perdu.',
  'preferences.none': 'rien',
  'help.preferences':
    '*Vos messages*\n• `/passerelle mute reminders|nudges|digests|events` / `unmute …`\n• `/passerelle snooze 3d` ou `snooze until AAAA-MM-JJ` / `unsnooze`\n• `/passerelle settings` — ce qui est coupé ou en pause',
};

export const preferences = { en, fr };
