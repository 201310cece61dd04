import type { Message } from '../catalogue.js';

/** Messages of the App Home and of `/missions` (the mission list). */
const en = {
  'command.missions.description': 'List your missions, as manager and as freelancer',

  'missions.list.title': 'Your missions',
  'missions.list.empty': 'You have no missions yet. To start one with a freelancer, type `/mission-start`.',
  'missions.list.asManager': { one: 'As manager — {count} mission', other: 'As manager — {count} missions' },
  'missions.list.asFreelancer': {
    one: 'As freelancer — {count} mission',
    other: 'As freelancer — {count} missions',
  },
  'missions.list.withFreelancer': 'Freelancer: {user}',
  'missions.list.withManager': 'Manager: {user}',
  'missions.list.dates': '{start} → {end}',
  'missions.list.checkinScore': 'last check-in {score}/5',
  'missions.list.checkinBlocker': '⚠️ blocker',
  'missions.list.checkinHrOnly': 'last check-in shared with HR only',
  'missions.list.progress': 'Onboarding {done}/{total}',
  'missions.list.noProgress': 'Onboarding: no checklist',
  'missions.list.onboardingDone': 'Onboarding complete',
  'missions.list.progressLeft': 'Onboarding left unfinished at {done}/{total}',
  'missions.list.more': { one: '…and {count} more', other: '…and {count} more' },
  'missions.list.status.draft': 'Draft',
  'missions.list.status.onboarding': 'Onboarding',
  'missions.list.status.active': 'Active',
  'missions.list.status.offboarding': 'Offboarding',
  'missions.list.status.completed': 'Completed',
  'missions.list.status.cancelled': 'Cancelled',

  'home.title': 'Passerelle',
  'home.intro': 'Your freelance missions at a glance. Type `/passerelle help` to see every command.',
  'home.welcome.title': 'Welcome to Passerelle',
  'home.welcome.body':
    'Passerelle runs freelance missions inside Slack: a welcome and an onboarding checklist on day one, weekly check-ins, offboarding feedback both ways, a talent pool of past collaborators and community events.',
  'home.welcome.start':
    'Working with a freelancer? Type `/mission-start` to open a mission: they get a welcome message and their checklist, and this page will follow the mission for you both.',
  'home.welcome.help': 'Type `/passerelle help` to see every command.',
  'home.freelancer.header': 'Your current missions',
  'home.freelancer.none': 'You have no mission in progress right now.',
  'home.checkin.waiting': '📝 Your weekly check-in for *{title}* is waiting for your answer.',
  'home.checkin.answer': 'Answer',
  'home.checkin.next': 'Next check-in: {date} ({title})',
  'home.items.header': 'Your open checklist items',
  'home.items.due': 'due {date}',
  'home.items.tick': 'Mark as done',
  'home.items.more': {
    one: '…and {count} more item — see your checklist messages',
    other: '…and {count} more items — see your checklist messages',
  },
  'home.manager.header': 'Missions you manage',
  'home.manager.summary': {
    one: '*{count} mission* in all — {breakdown}',
    other: '*{count} missions* in all — {breakdown}',
  },
  'home.manager.noneOpen': 'None of your missions is open right now.',
  'home.manager.more': {
    one: '{count} more open mission — use `/missions` to see them all',
    other: '{count} more open missions — use `/missions` to see them all',
  },
  'home.completed.header': 'Completed missions',
  'home.completed.row': '*{title}* · ended {date} · {who}',
  'home.completed.more': {
    one: '…and {count} more — `/missions` lists them all',
    other: '…and {count} more — `/missions` lists them all',
  },
  'home.admin.header': 'Workspace summary',
  'home.admin.summary': {
    one: '*{count} mission* in the workspace — {breakdown}',
    other: '*{count} missions* in the workspace — {breakdown}',
  },
  'home.admin.empty': 'No mission in the workspace yet.',
  'home.statusCount': '{status}: {count}',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'command.missions.description': 'Lister vos missions, comme manager et comme freelance',

  'missions.list.title': 'Vos missions',
  'missions.list.empty':
    "Vous n'avez pas encore de mission. Pour en démarrer une avec un freelance, tapez `/mission-start`.",
  'missions.list.asManager': {
    one: 'En tant que manager — {count} mission',
    other: 'En tant que manager — {count} missions',
  },
  'missions.list.asFreelancer': {
    one: 'En tant que freelance — {count} mission',
    other: 'En tant que freelance — {count} missions',
  },
  'missions.list.withFreelancer': 'Freelance : {user}',
  'missions.list.withManager': 'Manager : {user}',
  'missions.list.dates': '{start} → {end}',
  'missions.list.checkinScore': 'dernier point {score}/5',
  'missions.list.checkinBlocker': '⚠️ blocage',
  'missions.list.checkinHrOnly': 'dernier point partagé avec les RH seulement',
  'missions.list.progress': 'Onboarding {done}/{total}',
  'missions.list.noProgress': 'Onboarding : pas de checklist',
  'missions.list.onboardingDone': 'Onboarding terminé',
  'missions.list.progressLeft': 'Onboarding laissé inachevé à {done}/{total}',
  'missions.list.more': { one: '…et {count} autre', other: '…et {count} autres' },
  'missions.list.status.draft': 'Brouillon',
  'missions.list.status.onboarding': 'Onboarding',
  'missions.list.status.active': 'En cours',
  'missions.list.status.offboarding': 'Offboarding',
  'missions.list.status.completed': 'Terminée',
  'missions.list.status.cancelled': 'Annulée',

  'home.title': 'Passerelle',
  'home.intro':
    "Vos missions freelance en un coup d'œil. Tapez `/passerelle help` pour voir toutes les commandes.",
  'home.welcome.title': 'Bienvenue dans Passerelle',
  'home.welcome.body':
    "Passerelle pilote les missions freelance dans Slack : un message d'accueil et une checklist d'onboarding dès le premier jour, des points hebdomadaires, des retours croisés en fin de mission, un vivier d'anciens collaborateurs et des événements de communauté.",
  'home.welcome.start':
    'Vous travaillez avec un freelance ? Tapez `/mission-start` pour ouvrir une mission : il reçoit un message de bienvenue et sa checklist, et cette page suit la mission pour vous deux.',
  'home.welcome.help': 'Tapez `/passerelle help` pour voir toutes les commandes.',
  'home.freelancer.header': 'Vos missions en cours',
  'home.freelancer.none': "Vous n'avez pas de mission en cours pour le moment.",
  'home.checkin.waiting': '📝 Votre point hebdomadaire pour *{title}* attend votre réponse.',
  'home.checkin.answer': 'Répondre',
  'home.checkin.next': 'Prochain point : {date} ({title})',
  'home.items.header': 'Vos points de checklist à faire',
  'home.items.due': 'pour le {date}',
  'home.items.tick': 'Marquer comme fait',
  'home.items.more': {
    one: '…et {count} autre point — voir vos messages de checklist',
    other: '…et {count} autres points — voir vos messages de checklist',
  },
  'home.manager.header': 'Les missions que vous pilotez',
  'home.manager.summary': {
    one: '*{count} mission* au total — {breakdown}',
    other: '*{count} missions* au total — {breakdown}',
  },
  'home.manager.noneOpen': "Aucune de vos missions n'est ouverte pour le moment.",
  'home.manager.more': {
    one: '{count} autre mission ouverte — utilisez `/missions` pour tout voir',
    other: '{count} autres missions ouvertes — utilisez `/missions` pour tout voir',
  },
  'home.completed.header': 'Missions terminées',
  'home.completed.row': '*{title}* · terminée le {date} · {who}',
  'home.completed.more': {
    one: '…et {count} autre — `/missions` les liste toutes',
    other: '…et {count} autres — `/missions` les liste toutes',
  },
  'home.admin.header': "Vue d'ensemble de l'espace",
  'home.admin.summary': {
    one: "*{count} mission* dans l'espace — {breakdown}",
    other: "*{count} missions* dans l'espace — {breakdown}",
  },
  'home.admin.empty': "Aucune mission dans l'espace pour le moment.",
  'home.statusCount': '{status} : {count}',
};

export const home = { en, fr };
