import type { Message } from '../catalogue.js';

/** Messages of re-engagement: nudges to managers about alumni, availability pings to alumni. */
const en = {
  'reengagement.nudge.text':
    '🌱 <@{freelancer}> did great on *{title}* ({days} days ago) — anything coming up where they could help again?',
  'reengagement.nudge.skills': 'Skills: {skills}',
  'reengagement.nudge.propose': 'Propose a mission',
  'reengagement.nudge.snooze': 'Remind me in 2 weeks',
  'reengagement.nudge.stop': 'Stop',
  'reengagement.nudge.snoozed': 'Noted: I will remind you about them on {date}.',
  'reengagement.nudge.stopped': 'Done: no more nudges about <@{freelancer}> and *{title}*.',
  'reengagement.nudge.proposed': 'The mission form is open, filled in for <@{freelancer}>.',
  'reengagement.refused': 'Only the manager of that mission (or an admin) can answer this nudge.',
  'reengagement.ping.text':
    '👋 Hello again! Are you available for a new mission with us? Tell us when, and the managers who worked with you will know.',
  'reengagement.ping.hint': 'We ask once a quarter at most. Pick the date you are available from.',
  'reengagement.ping.available': 'Available from…',
  'reengagement.ping.notNow': 'Not now',
  'reengagement.ping.stopAsking': 'Stop asking',
  'reengagement.ping.thanksAvailable': 'Thanks! Noted: available from {date}.',
  'reengagement.ping.thanksNotNow': 'Thanks, noted. We will ask again next quarter.',
  'reengagement.ping.stopped': 'Done: we will not ask about your availability again.',
  'reengagement.ping.badDate': 'That date is not valid: pick today or a later day.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'reengagement.nudge.text':
    '🌱 <@{freelancer}> a fait du très bon travail sur *{title}* (il y a {days} jours) — un besoin à venir où elle ou il pourrait aider à nouveau ?',
  'reengagement.nudge.skills': 'Compétences : {skills}',
  'reengagement.nudge.propose': 'Proposer une mission',
  'reengagement.nudge.snooze': 'Me le rappeler dans 2 semaines',
  'reengagement.nudge.stop': 'Arrêter',
  'reengagement.nudge.snoozed': 'C’est noté : je vous le rappellerai le {date}.',
  'reengagement.nudge.stopped': 'C’est fait : plus de relance au sujet de <@{freelancer}> et de *{title}*.',
  'reengagement.nudge.proposed': 'Le formulaire de mission est ouvert, prérempli pour <@{freelancer}>.',
  'reengagement.refused':
    'Seul le ou la manager de cette mission (ou un admin) peut répondre à cette relance.',
  'reengagement.ping.text':
    '👋 Bonjour ! Seriez-vous disponible pour une nouvelle mission avec nous ? Dites-nous à partir de quand, les managers qui ont travaillé avec vous le sauront.',
  'reengagement.ping.hint':
    'Nous demandons au plus une fois par trimestre. Choisissez la date à partir de laquelle vous êtes disponible.',
  'reengagement.ping.available': 'Disponible à partir du…',
  'reengagement.ping.notNow': 'Pas pour le moment',
  'reengagement.ping.stopAsking': 'Ne plus demander',
  'reengagement.ping.thanksAvailable': 'Merci ! C’est noté : disponible à partir du {date}.',
  'reengagement.ping.thanksNotNow': 'Merci, c’est noté. Nous redemanderons le trimestre prochain.',
  'reengagement.ping.stopped': 'C’est fait : nous ne vous demanderons plus vos disponibilités.',
  'reengagement.ping.badDate': 'Cette date n’est pas valable : choisissez aujourd’hui ou un jour suivant.',
};

export const reengagement = { en, fr };
