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
  'analytics.few': 'not enough data',
  'analytics.days': '{value} d',
  'analytics.line.active': '*Active missions:* {value}',
  'analytics.line.staffing': '*Staffing time:* {value}',
  'analytics.line.onboarding': '*Onboarding completion:* {value}',
  'analytics.line.response': '*Check-in response rate:* {value}',
  'analytics.line.responseLow': '*Check-in response rate:* {value} :warning: below 60 %',
  'analytics.line.satisfaction': '*Average satisfaction:* {value} /5',
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
    '*Community events:* {events} events, {going} seats said going ({perEvent} per event; who actually came is not known)',
  'analytics.footer': 'Figures from fewer than 5 data points say “not enough data”.',
  'analytics.export.button': 'Export CSV',
  'analytics.export.onItsWay': 'The CSV file is on its way to your DMs with Passerelle.',
  'analytics.export.fileTitle': 'Mission stats {from} → {to}',
  'analytics.export.comment':
    'One row per mission of your stats overlapping {from} → {to} (UTF-8, `;`-separated). Columns: see the README, “CSV export”.',
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
  'analytics.few': 'pas assez de données',
  'analytics.days': '{value} j',
  'analytics.line.active': '*Missions actives :* {value}',
  'analytics.line.staffing': '*Délai de staffing :* {value}',
  'analytics.line.onboarding': '*Durée d’onboarding :* {value}',
  'analytics.line.response': '*Taux de réponse aux points :* {value}',
  'analytics.line.responseLow': '*Taux de réponse aux points :* {value} :warning: sous 60 %',
  'analytics.line.satisfaction': '*Satisfaction moyenne :* {value} /5',
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
    '*Événements :* {events} événements, {going} places « je viens » ({perEvent} par événement ; la présence réelle n’est pas connue)',
  'analytics.footer': 'Un chiffre issu de moins de 5 données affiche « pas assez de données ».',
  'analytics.export.button': 'Exporter en CSV',
  'analytics.export.onItsWay': 'Le fichier CSV arrive dans vos messages avec Passerelle.',
  'analytics.export.fileTitle': 'Statistiques {from} → {to}',
  'analytics.export.comment':
    'Une ligne par mission de vos statistiques sur {from} → {to} (UTF-8, séparateur `;`). Colonnes : voir le README, « CSV export ».',
  'analytics.home.header': 'Statistiques (30 jours)',
};

export const analytics = { en, fr };
