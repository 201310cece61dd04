import type { Message } from '../catalogue.js';

/** `/mission-stats`, the admin Home summary and the CSV export (PRODUCT.md flow 8). */
const en = {
  'command.missionStats.description':
    'Mission statistics for a period (managers: your missions; admins: all)',
  'analytics.title.workspace': 'Mission stats — workspace, {from} → {to}',
  'analytics.title.manager': 'Mission stats — your missions, {from} → {to}',
  'analytics.refused':
    'Mission statistics are for managers (their own missions) and talent / HR admins (the workspace).',
  'analytics.help':
    'Usage: `/mission-stats [period]`. Periods: `30d` (default) or `90d` (rolling, ending today), a quarter `2026-Q3`, a year `2026`, a month `2026-05`.',
  'analytics.few': 'not enough data ({points} of {min} needed)',
  'analytics.outOf5': '{value} /5',
  'analytics.days': '{value} d',
  'analytics.line.active': '*Active missions:* {value}',
  'analytics.line.staffing': '*Staffing time:* {value}',
  'analytics.line.onboarding': '*Onboarding completion:* {value}',
  'analytics.line.response': '*Check-in response rate:* {value}',
  'analytics.line.responseLow': '*Check-in response rate:* {value} :warning: below 60 %',
  'analytics.line.satisfaction': '*Average satisfaction:* {value}',
  'analytics.line.trend': '*Weekly trend:* `{bars}`',
  'analytics.hrHeldBack': {
    one: '{count} HR-only answer held back (shown once at least {k} people’s HR-only answers fill a whole, settled quarter of the period)',
    other:
      '{count} HR-only answers held back (shown once at least {k} people’s HR-only answers fill a whole, settled quarter of the period)',
  },
  'analytics.line.offboarding':
    '*Offboarding feedback* ({count}): overall {overall} · onboarding {onboarding} · communication {communication} · recognition {recognition} · would work again {again} · NPS {nps}',
  'analytics.line.renewal':
    '*Renewal rate:* {renewal} · *Rehire rate:* {rehire} · *Manager rating:* {rating}',
  'analytics.line.events':
    '*Community events:* held in the period: {events} ({going} seats said going) · upcoming: {upcoming} · going per event held: {perEvent} (who actually came is not known)',
  'analytics.footer': 'A figure from fewer than {min} data points says “not enough data”.',
  'analytics.asOf': 'Figures as of {time} (brought up to date every minute).',
  'analytics.export.button': 'Export CSV',
  'analytics.export.onItsWay': 'The CSV file is on its way to your DMs with Passerelle.',
  'analytics.export.fileTitle': 'Mission stats {from} → {to}',
  'analytics.export.comment':
    'One row per mission of your stats overlapping {from} → {to} (UTF-8, `;`-separated; totals over each mission’s life; a blank cell: fewer than {min} data points).\n*Columns*\n{columns}',
  'analytics.export.column.mission_id': 'the mission’s id',
  'analytics.export.column.status': 'its status (active, completed…)',
  'analytics.export.column.start_date': 'start date',
  'analytics.export.column.end_date': 'end date',
  'analytics.export.column.need_expressed_on': 'when the need was first expressed',
  'analytics.export.column.manager_id': 'the manager’s Slack id',
  'analytics.export.column.freelancer_id': 'the freelancer’s Slack id',
  'analytics.export.column.staffing_days': 'staffing time in days (start − need expressed)',
  'analytics.export.column.onboarding_days': 'days to complete onboarding',
  'analytics.export.column.checkins_sent': 'check-ins sent',
  'analytics.export.column.checkins_answered': 'check-ins answered',
  'analytics.export.column.response_rate': 'response rate (answered ÷ sent)',
  'analytics.export.column.scores': 'satisfaction scores given (HR-only answers left out)',
  'analytics.export.column.average_score': 'their average, 1–5',
  'analytics.export.column.ended': '1 if the mission ended',
  'analytics.export.column.renewed': '1 if it was renewed',
  'analytics.export.column.evaluated': '1 if the manager evaluated it',
  'analytics.export.column.rehire_yes': '1 if the manager would rehire',
  'analytics.export.column.feedback_given': '1 if the freelancer gave their feedback',
  'analytics.home.header': 'Mission stats (30 days)',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'command.missionStats.description':
    'Statistiques des missions sur une période (managers : vos missions ; admins : toutes)',
  'analytics.title.workspace': 'Statistiques — espace de travail, {from} → {to}',
  'analytics.title.manager': 'Statistiques — vos missions, {from} → {to}',
  'analytics.refused':
    'Les statistiques sont réservées aux managers (leurs missions) et aux admins talents / RH (tout l’espace).',
  'analytics.help':
    'Usage : `/mission-stats [période]`. Périodes : `30d` (par défaut) ou `90d` (glissantes, jusqu’à aujourd’hui), un trimestre `2026-Q3`, une année `2026`, un mois `2026-05`.',
  'analytics.few': 'pas assez de données ({points} sur {min} nécessaires)',
  'analytics.outOf5': '{value} /5',
  'analytics.days': '{value} j',
  'analytics.line.active': '*Missions actives :* {value}',
  'analytics.line.staffing': '*Délai de staffing :* {value}',
  'analytics.line.onboarding': '*Durée d’onboarding :* {value}',
  'analytics.line.response': '*Taux de réponse aux points :* {value}',
  'analytics.line.responseLow': '*Taux de réponse aux points :* {value} :warning: sous 60 %',
  'analytics.line.satisfaction': '*Satisfaction moyenne :* {value}',
  'analytics.line.trend': '*Tendance hebdomadaire :* `{bars}`',
  'analytics.hrHeldBack': {
    one: '{count} réponse réservée aux RH non comptée (comptée quand les réponses RH d’au moins {k} personnes remplissent un trimestre entier et clos de la période)',
    other:
      '{count} réponses réservées aux RH non comptées (comptées quand les réponses RH d’au moins {k} personnes remplissent un trimestre entier et clos de la période)',
  },
  'analytics.line.offboarding':
    '*Retours de fin de mission* ({count}) : global {overall} · onboarding {onboarding} · communication {communication} · reconnaissance {recognition} · retravaillerait {again} · NPS {nps}',
  'analytics.line.renewal':
    '*Taux de renouvellement :* {renewal} · *Taux de réembauche :* {rehire} · *Note du manager :* {rating}',
  'analytics.line.events':
    '*Événements :* tenus sur la période : {events} ({going} places « je viens ») · à venir : {upcoming} · « je viens » par événement tenu : {perEvent} (la présence réelle n’est pas connue)',
  'analytics.footer': 'Un chiffre issu de moins de {min} données affiche « pas assez de données ».',
  'analytics.asOf': 'Chiffres arrêtés à {time} (mis à jour chaque minute).',
  'analytics.export.button': 'Exporter en CSV',
  'analytics.export.onItsWay': 'Le fichier CSV arrive dans vos messages avec Passerelle.',
  'analytics.export.fileTitle': 'Statistiques {from} → {to}',
  'analytics.export.comment':
    'Une ligne par mission de vos statistiques sur {from} → {to} (UTF-8, séparateur `;` ; totaux sur toute la vie de chaque mission ; une case vide : moins de {min} données).\n*Colonnes*\n{columns}',
  'analytics.export.column.mission_id': 'l’identifiant de la mission',
  'analytics.export.column.status': 'son statut (active, terminée…)',
  'analytics.export.column.start_date': 'date de début',
  'analytics.export.column.end_date': 'date de fin',
  'analytics.export.column.need_expressed_on': 'date où le besoin a été exprimé',
  'analytics.export.column.manager_id': 'l’identifiant Slack du manager',
  'analytics.export.column.freelancer_id': 'l’identifiant Slack du freelance',
  'analytics.export.column.staffing_days': 'délai de staffing en jours (début − besoin exprimé)',
  'analytics.export.column.onboarding_days': 'jours pour terminer l’onboarding',
  'analytics.export.column.checkins_sent': 'points envoyés',
  'analytics.export.column.checkins_answered': 'points répondus',
  'analytics.export.column.response_rate': 'taux de réponse (répondus ÷ envoyés)',
  'analytics.export.column.scores': 'notes de satisfaction données (hors réponses réservées aux RH)',
  'analytics.export.column.average_score': 'leur moyenne, de 1 à 5',
  'analytics.export.column.ended': '1 si la mission est terminée',
  'analytics.export.column.renewed': '1 si elle a été renouvelée',
  'analytics.export.column.evaluated': '1 si le manager l’a évaluée',
  'analytics.export.column.rehire_yes': '1 si le manager reprendrait le freelance',
  'analytics.export.column.feedback_given': '1 si le freelance a donné son retour',
  'analytics.home.header': 'Statistiques (30 jours)',
};

export const analytics = { en, fr };
