import type { Message } from '../catalogue.js';

/** `/passerelle help`. */
const en = {
  'help.title': 'Passerelle — help',
  'help.intro':
    'Passerelle runs your freelance missions in Slack: onboarding, weekly check-ins, offboarding, talent pool and community.',
  'help.commandsHeader': 'Commands',
  'help.unknownSubcommand': "I don't know `{sub}`. Here is what I can do:",
  'help.footer': 'Type `{command} help` at any time to see this again.',
  'command.passerelle.help': 'Show this help',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'help.title': 'Passerelle — aide',
  'help.intro':
    'Passerelle pilote vos missions freelance dans Slack : onboarding, points hebdomadaires, offboarding, vivier de talents et communauté.',
  'help.commandsHeader': 'Commandes',
  'help.unknownSubcommand': 'Je ne connais pas `{sub}`. Voici ce que je sais faire :',
  'help.footer': 'Tapez `{command} help` à tout moment pour revoir cette aide.',
  'command.passerelle.help': 'Afficher cette aide',
};

export const help = { en, fr };
