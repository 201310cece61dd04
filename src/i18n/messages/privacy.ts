import type { Message } from '../catalogue.js';

/** Messages of `/passerelle my-data`, `erase-me` and `erase @user` (PRODUCT.md flow 10). */
const en = {
  'privacy.export.onItsWay':
    'Your data is on its way: a JSON file with everything Passerelle stores about you will arrive in your DMs with Passerelle in a moment.',
  'privacy.export.fileTitle': 'Your data in Passerelle',
  'privacy.export.comment':
    'Here is everything Passerelle stores about you, as of {date} (JSON). `/passerelle erase-me` erases it.',
  'privacy.erase.usage':
    'Usage: `/passerelle erase @person` (admins, for someone who left) or `/passerelle erase-me` (your own data).',
  'privacy.erase.forbidden':
    'Only talent / HR admins may erase someone else’s data. `/passerelle erase-me` erases yours.',
  'privacy.modal.title.self': 'Erase my data',
  'privacy.modal.title.other': 'Erase personal data',
  'privacy.modal.submit': 'Erase',
  'privacy.modal.close': 'Cancel',
  'privacy.modal.intro.self': 'Passerelle will erase what it stores about you. This cannot be undone.',
  'privacy.modal.intro.other':
    'Passerelle will erase what it stores about <@{user}>. This cannot be undone; it is logged in the audit trail (who, when, a hash of their id).',
  'privacy.modal.removed':
    '*Removed*\n• your Slack id, replaced everywhere by an anonymous pseudonym\n• the text of your check-in answers (progress, blockers, notes, other answers)\n• your missions’ brief and objectives, your language and time zone settings, your mute and snooze choices\n• check-ins not yet sent, and every message queued for you',
  'privacy.modal.kept':
    '*Kept, without your name*\n• the missions themselves (title, dates, status) and their checklists, counted in the statistics\n• the scores of your check-ins (1–5), counted in the averages\n• the messages already in Slack (Slack keeps them; delete them there)',
  'privacy.modal.done.self':
    'Your data is being erased now. It takes a few seconds; nothing else needs doing. You can close this window.',
  'privacy.modal.done.other': 'The data of <@{user}> is being erased now; you will get a DM once it is done.',
  'privacy.modal.refused': 'Only talent / HR admins may erase someone else’s data. Nothing was erased.',
  'privacy.erased.admin':
    'Done: the personal data of a person you asked to erase is gone (logged in the audit trail).',
  'help.privacy':
    '*Your data*\n• `/passerelle my-data` — everything Passerelle stores about you, as a file\n• `/passerelle erase-me` — erase it (you confirm first)',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'privacy.export.onItsWay':
    'Vos données arrivent : un fichier JSON avec tout ce que Passerelle conserve sur vous sera dans vos messages avec Passerelle dans un instant.',
  'privacy.export.fileTitle': 'Vos données dans Passerelle',
  'privacy.export.comment':
    'Voici tout ce que Passerelle conserve sur vous, au {date} (JSON). `/passerelle erase-me` l’efface.',
  'privacy.erase.usage':
    'Utilisation : `/passerelle erase @personne` (admins, pour quelqu’un qui est parti) ou `/passerelle erase-me` (vos propres données).',
  'privacy.erase.forbidden':
    'Seuls les admins talents / RH peuvent effacer les données de quelqu’un d’autre. `/passerelle erase-me` efface les vôtres.',
  'privacy.modal.title.self': 'Effacer mes données',
  'privacy.modal.title.other': 'Effacer des données',
  'privacy.modal.submit': 'Effacer',
  'privacy.modal.close': 'Annuler',
  'privacy.modal.intro.self': 'Passerelle va effacer ce qu’elle conserve sur vous. C’est définitif.',
  'privacy.modal.intro.other':
    'Passerelle va effacer ce qu’elle conserve sur <@{user}>. C’est définitif, et consigné dans le journal d’audit (qui, quand, une empreinte de son identifiant).',
  'privacy.modal.removed':
    '*Effacé*\n• votre identifiant Slack, remplacé partout par un pseudonyme anonyme\n• le texte de vos réponses aux points hebdomadaires (avancement, blocages, notes, autres réponses)\n• le descriptif et les objectifs de vos missions, votre langue et votre fuseau, vos choix de sourdine et de pause\n• les points pas encore envoyés, et tout message en attente pour vous',
  'privacy.modal.kept':
    '*Conservé, sans votre nom*\n• les missions elles-mêmes (titre, dates, statut) et leurs checklists, comptées dans les statistiques\n• les notes de vos points (1 à 5), comptées dans les moyennes\n• les messages déjà dans Slack (Slack les garde ; supprimez-les dans Slack)',
  'privacy.modal.done.self':
    'Vos données sont en cours d’effacement. Cela prend quelques secondes ; rien d’autre à faire. Vous pouvez fermer cette fenêtre.',
  'privacy.modal.done.other':
    'Les données de <@{user}> sont en cours d’effacement ; vous recevrez un message une fois terminé.',
  'privacy.modal.refused':
    'Seuls les admins talents / RH peuvent effacer les données de quelqu’un d’autre. Rien n’a été effacé.',
  'privacy.erased.admin':
    'C’est fait : les données personnelles de la personne que vous avez demandé d’effacer ont disparu (consigné dans le journal d’audit).',
  'help.privacy':
    '*Vos données*\n• `/passerelle my-data` — tout ce que Passerelle conserve sur vous, en fichier\n• `/passerelle erase-me` — l’effacer (vous confirmez d’abord)',
};

export const privacy = { en, fr };
