import type { Message } from '../catalogue.js';

/** Messages of check-in delivery: the weekly DM and its reminder. */
const en = {
  'checkins.dm.header': 'Weekly check-in — {title}',
  'checkins.dm.text':
    'How did this week go on *{title}*? Five short questions; before sending, you choose who reads your answer.',
  'checkins.dm.week': 'Week of {date}',
  'checkins.dm.button': 'Answer the check-in',
  'checkins.dm.fallback': 'Weekly check-in for {title}: how did this week go?',
  'checkins.reminder.text':
    'Reminder: your weekly check-in for *{title}* (week of {date}) is still waiting. It takes two minutes.',
  'checkins.reminder.closes': 'Open until {date}.',
  'checkins.dm.missed': '➖ This week closed without an answer.',
  'checkins.reminder.answered': '✅ Answered — thank you.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'checkins.dm.header': 'Point hebdomadaire — {title}',
  'checkins.dm.text':
    'Comment s’est passée cette semaine sur *{title}* ? Cinq questions courtes ; avant d’envoyer, vous choisissez qui lit votre réponse.',
  'checkins.dm.week': 'Semaine du {date}',
  'checkins.dm.button': 'Répondre au point',
  'checkins.dm.fallback': 'Point hebdomadaire pour {title} : comment s’est passée la semaine ?',
  'checkins.reminder.text':
    'Rappel : votre point hebdomadaire pour *{title}* (semaine du {date}) vous attend toujours. Deux minutes suffisent.',
  'checkins.reminder.closes': 'Ouvert jusqu’au {date}.',
  'checkins.dm.missed': '➖ Cette semaine s’est close sans réponse.',
  'checkins.reminder.answered': '✅ Répondu — merci.',
};

export const checkinsDelivery = { en, fr };
