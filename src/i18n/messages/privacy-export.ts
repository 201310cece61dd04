import type { Message } from '../catalogue.js';

/** The data-access file of `/passerelle my-data`: what it is and what each section holds (docs/my-data.md). */
const en = {
  'privacy.export.about':
    'Everything Passerelle stores about you, gathered when you asked for it. Each section below says what it holds. Dates and times are in your time zone ({zone}); calendar days (yyyy-MM-dd) have no time zone. Ids such as U0123ABC are Slack user ids: yours, or the people a record names (your manager, your buddy). `/passerelle erase-me` erases what can be erased.',
  'privacy.export.section.slackProfile':
    'Your Slack profile as Slack gave it for this file (your name, language, time zone). Passerelle does not store it; it is read from Slack when needed.',
  'privacy.export.section.missions':
    'The missions you worked on as freelancer (with their brief, objectives, check-in slot and handover card), those you managed or were buddy on (title, dates, status), and what you did in their history.',
  'privacy.export.section.onboardingItems':
    'The onboarding checklist items you owned or ticked, per mission.',
  'privacy.export.section.checkins':
    'Your weekly check-ins: when each was due and sent, whether you answered, and your answers with the questions as they were asked.',
  'privacy.export.section.offboarding':
    'The ends of your missions: the feedback you gave, the evaluation your manager wrote about you (its private note included: you may see it on a data-access request), the offboardings you ran as manager, and the handover items you owned or settled.',
  'privacy.export.section.talentProfile':
    'Your profile in the talent pool: what you said (skills, availability, day rate, contact e-mail, whether you are in the pool) and what your closed missions brought (ratings, missions, handover cards, private notes about you).',
  'privacy.export.section.events':
    'The community events you created and your answers to events (going, maybe, cannot come), with whether you hold a seat.',
  'privacy.export.section.preferences':
    'What you let Passerelle send you: the kinds of messages you muted and until when everything is snoozed. Empty when you never changed anything.',
  'privacy.export.section.reminderDigests':
    'Your daily reminder messages: on which days one was sent and which missions it listed (what is still to do is in the other sections).',
  'privacy.export.section.reengagement':
    'Re-engagement: the missions that ended well and the nudges about them (to their manager), and the quarterly questions about your availability.',
  'privacy.export.section.queuedWork':
    'The work Passerelle has queued or done that names you (messages to send, reminders), with when it runs.',
  'privacy.export.section.auditTrail':
    'The data-protection actions about you (an erasure, who asked), as the audit trail keeps them.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'privacy.export.about':
    'Tout ce que Passerelle conserve sur vous, rassemblé à votre demande. Chaque section ci-dessous dit ce qu’elle contient. Les dates et heures sont dans votre fuseau horaire ({zone}) ; les jours (aaaa-MM-jj) n’ont pas de fuseau. Les identifiants comme U0123ABC sont des identifiants Slack : le vôtre, ou ceux des personnes qu’un enregistrement nomme (votre manager, votre buddy). `/passerelle erase-me` efface ce qui peut l’être.',
  'privacy.export.section.slackProfile':
    'Votre profil Slack tel que Slack l’a donné pour ce fichier (nom, langue, fuseau horaire). Passerelle ne le conserve pas ; il est lu dans Slack au besoin.',
  'privacy.export.section.missions':
    'Les missions sur lesquelles vous avez travaillé comme freelance (avec leur brief, leurs objectifs, le créneau des points hebdomadaires et la fiche de passation), celles que vous avez managées ou dont vous étiez buddy (titre, dates, statut), et ce que vous avez fait dans leur historique.',
  'privacy.export.section.onboardingItems':
    'Les étapes d’onboarding qui vous revenaient ou que vous avez cochées, par mission.',
  'privacy.export.section.checkins':
    'Vos points hebdomadaires : quand chacun était prévu et envoyé, si vous avez répondu, et vos réponses avec les questions telles qu’elles étaient posées.',
  'privacy.export.section.offboarding':
    'Les fins de vos missions : le retour que vous avez donné, l’évaluation que votre manager a écrite sur vous (note privée comprise : vous pouvez la voir sur une demande d’accès), les offboardings que vous avez menés comme manager, et les éléments de passation qui vous revenaient ou que vous avez réglés.',
  'privacy.export.section.talentProfile':
    'Votre profil dans le vivier de talents : ce que vous avez indiqué (compétences, disponibilité, TJM, e-mail de contact, présence dans le vivier) et ce que vos missions clôturées ont apporté (notes, missions, fiches de passation, notes privées vous concernant).',
  'privacy.export.section.events':
    'Les événements de la communauté que vous avez créés et vos réponses aux événements (je viens, peut-être, je ne peux pas), avec la place que vous occupez.',
  'privacy.export.section.preferences':
    'Ce que vous laissez Passerelle vous envoyer : les types de messages mis en sourdine et la date jusqu’à laquelle tout est en pause. Vide si vous n’avez jamais rien changé.',
  'privacy.export.section.reminderDigests':
    'Vos rappels du jour : les jours où un rappel vous a été envoyé et les missions qu’il citait (ce qui reste à faire est dans les autres parties).',
  'privacy.export.section.reengagement':
    'La reprise de contact : les missions bien terminées et les relances à leur sujet (envoyées à leur manager), et les questions trimestrielles sur votre disponibilité.',
  'privacy.export.section.queuedWork':
    'Le travail que Passerelle a prévu ou fait et qui vous nomme (messages à envoyer, rappels), avec sa date.',
  'privacy.export.section.auditTrail':
    'Les actions de protection des données vous concernant (un effacement, qui l’a demandé), telles que le journal d’audit les garde.',
};

export const privacyExport = { en, fr };
