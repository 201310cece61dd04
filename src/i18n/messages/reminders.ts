import type { Message } from '../catalogue.js';

/** The reminder digest: one DM a day listing what is still to do (PRODUCT.md §9). */
const en = {
  'reminders.digest.text': {
    one: '⏰ Your reminder of the day: {count} thing is still to do.',
    other: '⏰ Your reminder of the day: {count} things are still to do.',
  },
  'reminders.digest.allDone': '⏰ Your reminder of the day: all done, thank you!',
  'reminders.digest.more': {
    one: '…and {count} more on your Passerelle *Home* tab.',
    other: '…and {count} more on your Passerelle *Home* tab.',
  },
  'reminders.digest.footer':
    'One reminder per item, at most one message a day, in your sending hours. `/passerelle mute reminders` stops them.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'reminders.digest.text': {
    one: '⏰ Votre rappel du jour : {count} chose reste à faire.',
    other: '⏰ Votre rappel du jour : {count} choses restent à faire.',
  },
  'reminders.digest.allDone': '⏰ Votre rappel du jour : tout est fait, merci !',
  'reminders.digest.more': {
    one: '… et {count} autre sur l’onglet *Accueil* de Passerelle.',
    other: '… et {count} autres sur l’onglet *Accueil* de Passerelle.',
  },
  'reminders.digest.footer':
    'Un rappel par élément, au plus un message par jour, dans vos heures d’envoi. `/passerelle mute reminders` les arrête.',
};

export const reminders = { en, fr };
