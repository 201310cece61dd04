import type { Message } from './catalogue.js';
import type { MessageKey } from './en.js';

/** French catalogue: must hold exactly the English keys (checked by the compiler and a test). */
export const fr: Record<MessageKey, Message> = {
  'help.title': 'Passerelle — aide',
  'help.intro':
    'Passerelle pilote vos missions freelance dans Slack : onboarding, points hebdomadaires, offboarding, vivier de talents et communauté.',
  'help.commandsHeader': 'Commandes',
  'help.unknownSubcommand': 'Je ne connais pas `{sub}`. Voici ce que je sais faire :',
  'help.footer': 'Tapez `{command} help` à tout moment pour revoir cette aide.',
  'command.passerelle.help': 'Afficher cette aide',
  'command.passerelle.description': 'Aide de Passerelle et vos données',
  'error.validation': 'Certaines informations ne sont pas valides. Vérifiez-les et réessayez.',
  'error.forbidden': "Vous n'avez pas le droit de faire cela.",
  'error.notFound': "Je n'ai pas trouvé ce que vous cherchez.",
  'error.conflict': "C'est déjà fait, ou ce n'est plus possible.",
  'error.unexpected':
    "Désolé, un problème est survenu de notre côté. L'équipe est prévenue ; réessayez dans un instant.",
  'plural.mission': { one: '{count} mission', other: '{count} missions' },
};
