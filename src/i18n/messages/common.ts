import type { Message } from '../catalogue.js';

/** Errors and words shared by every feature. */
const en = {
  'error.validation': 'Some information is not valid. Please check and try again.',
  'error.forbidden': "You don't have permission to do that.",
  'error.notFound': "I couldn't find what you asked for.",
  'error.conflict': 'That has already been done or is no longer possible.',
  'error.unexpected':
    'Sorry, something went wrong on our side. The team has been told; please try again in a moment.',
  'plural.mission': { one: '{count} mission', other: '{count} missions' },
  'form.unavailable.title': 'Nothing was saved',
  'form.unavailable.text':
    'This form is no longer available, so nothing was saved. Please open it again from its command or button.',
  'form.unavailable.close': 'Close',
  'person.mention': '<@{user}>',
  'person.erased': 'a person who was erased',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'error.validation': 'Certaines informations ne sont pas valides. Vérifiez-les et réessayez.',
  'error.forbidden': "Vous n'avez pas le droit de faire cela.",
  'error.notFound': "Je n'ai pas trouvé ce que vous cherchez.",
  'error.conflict': "C'est déjà fait, ou ce n'est plus possible.",
  'error.unexpected':
    "Désolé, un problème est survenu de notre côté. L'équipe est prévenue ; réessayez dans un instant.",
  'plural.mission': { one: '{count} mission', other: '{count} missions' },
  'form.unavailable.title': "Rien n'a été enregistré",
  'form.unavailable.text':
    "Ce formulaire n'est plus disponible : rien n'a été enregistré. Rouvrez-le depuis sa commande ou son bouton.",
  'form.unavailable.close': 'Fermer',
  'person.mention': '<@{user}>',
  'person.erased': 'une personne effacée',
};

export const common = { en, fr };
