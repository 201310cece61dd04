import type { MessageKey } from '../../i18n/index.js';

/** A slash command as the help lists it. */
export interface CommandHelp {
  command: string;
  usage?: string;
  description: MessageKey;
}

/**
 * The commands that exist, in the order the help shows them. manifest.yml declares the same list
 * (a test keeps them in step).
 */
export const commandHelp: readonly CommandHelp[] = [
  { command: '/passerelle', usage: 'help', description: 'command.passerelle.help' },
  { command: '/mission-start', usage: '[@freelancer]', description: 'command.missionStart.description' },
  { command: '/mission-end', usage: '[mission]', description: 'command.missionEnd.description' },
  { command: '/missions', description: 'command.missions.description' },
  {
    command: '/checkin',
    usage: '[pause [until YYYY-MM-DD] | resume | help]',
    description: 'command.checkin.description',
  },
  { command: '/talent', usage: '<skills…>', description: 'command.talent.description' },
  { command: '/event-invite', usage: '[help]', description: 'command.eventInvite.description' },
  {
    command: '/mission-stats',
    usage: '[30d | 90d | 2026-Q3 | 2026 | 2026-05]',
    description: 'command.missionStats.description',
  },
];
