import type { Message } from './catalogue.js';

/** English catalogue; its keys are the typed keys of every catalogue. */
export const en = {
  'help.title': 'Passerelle — help',
  'help.intro':
    'Passerelle runs your freelance missions in Slack: onboarding, weekly check-ins, offboarding, talent pool and community.',
  'help.commandsHeader': 'Commands',
  'help.unknownSubcommand': "I don't know `{sub}`. Here is what I can do:",
  'help.footer': 'Type `{command} help` at any time to see this again.',
  'command.passerelle.help': 'Show this help',
  'command.passerelle.description': 'Passerelle help and your data',
  'error.validation': 'Some information is not valid. Please check and try again.',
  'error.forbidden': "You don't have permission to do that.",
  'error.notFound': "I couldn't find what you asked for.",
  'error.conflict': 'That has already been done or is no longer possible.',
  'error.unexpected':
    'Sorry, something went wrong on our side. The team has been told; please try again in a moment.',
  'plural.mission': { one: '{count} mission', other: '{count} missions' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
