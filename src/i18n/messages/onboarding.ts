import type { Message } from '../catalogue.js';

/** Messages of the onboarding feature (the default template's texts are seeded from here). */
const en = {
  'onboarding.template.default.name': 'Standard onboarding',
  'onboarding.template.default.access': 'Accounts and tool access given',
  'onboarding.template.default.contract': 'Contract / NDA signed',
  'onboarding.template.default.context': 'Project context read',
  'onboarding.template.default.buddy': 'Met the buddy',
  'onboarding.template.default.team': 'Introduced to the team',
  'onboarding.template.default.plan': 'First deliverable plan shared',
  'onboarding.checklist.header': 'Onboarding — {title}',
  'onboarding.checklist.introFreelancer':
    'Welcome aboard! Tick your items as you go: your manager sees your progress.',
  'onboarding.checklist.introManager':
    'Onboarding of <@{freelancer}> on *{title}*. Tick your items as you go; you can also confirm the freelancer’s.',
  'onboarding.checklist.progress': '*Progress:* {done}/{total}',
  'onboarding.checklist.fallback': 'Onboarding checklist for {title}: {done}/{total} done',
  'onboarding.checklist.role.freelancer': 'Freelancer',
  'onboarding.checklist.role.manager': 'Manager',
  'onboarding.checklist.owner': '{role}: <@{user}>',
  'onboarding.checklist.due': 'due {date}',
  'onboarding.checklist.markDone': 'Mark as done',
  'onboarding.checklist.reopen': 'Reopen',
  'onboarding.checklist.more': {
    one: '…and {count} more item.',
    other: '…and {count} more items.',
  },
  'onboarding.checklist.completed': '🎉 Onboarding completed on {date}.',
  'onboarding.message.closed': '🏁 *Mission closed on {date}*: nothing left to tick here.',
  'onboarding.message.cancelled': '✖️ *Mission cancelled on {date}*: nothing left to tick here.',
  'onboarding.reminder.done': '✅ Done on {date}.',
  'onboarding.complete': {
    one: '🎉 Onboarding for *{title}* is complete, in {count} day. The mission is now active.',
    other: '🎉 Onboarding for *{title}* is complete, in {count} days. The mission is now active.',
  },
  'onboarding.digest.item': '*{label}* — was due {date}',
  'onboarding.reminder.text': '⏰ Reminder for *{title}*: “{label}” was due {date} and is still open.',
  'onboarding.reminder.button': 'Mark as done',
  'onboarding.toggle.forbidden':
    'Only the owner of this item, the mission’s manager or an admin can tick it.',
  'onboarding.toggle.closed': 'This mission is closed: its checklist can no longer change.',
  'onboarding.toggle.notFound': 'This checklist item no longer exists.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'onboarding.template.default.name': 'Onboarding standard',
  'onboarding.template.default.access': 'Comptes et accès aux outils donnés',
  'onboarding.template.default.contract': 'Contrat / NDA signé',
  'onboarding.template.default.context': 'Contexte du projet lu',
  'onboarding.template.default.buddy': 'Rencontre avec le binôme',
  'onboarding.template.default.team': 'Présentation à l’équipe',
  'onboarding.template.default.plan': 'Plan du premier livrable partagé',
  'onboarding.checklist.header': 'Onboarding — {title}',
  'onboarding.checklist.introFreelancer':
    'Bienvenue ! Cochez vos étapes au fur et à mesure : votre manager voit votre avancement.',
  'onboarding.checklist.introManager':
    'Onboarding de <@{freelancer}> sur *{title}*. Cochez vos étapes au fur et à mesure ; vous pouvez aussi confirmer celles du freelance.',
  'onboarding.checklist.progress': '*Avancement :* {done}/{total}',
  'onboarding.checklist.fallback': 'Checklist d’onboarding de {title} : {done}/{total} fait',
  'onboarding.checklist.role.freelancer': 'Freelance',
  'onboarding.checklist.role.manager': 'Manager',
  'onboarding.checklist.owner': '{role} : <@{user}>',
  'onboarding.checklist.due': 'échéance le {date}',
  'onboarding.checklist.markDone': 'Marquer comme fait',
  'onboarding.checklist.reopen': 'Rouvrir',
  'onboarding.checklist.more': {
    one: '… et {count} autre étape.',
    other: '… et {count} autres étapes.',
  },
  'onboarding.checklist.completed': '🎉 Onboarding terminé le {date}.',
  'onboarding.message.closed': '🏁 *Mission clôturée le {date}* : plus rien à cocher ici.',
  'onboarding.message.cancelled': '✖️ *Mission annulée le {date}* : plus rien à cocher ici.',
  'onboarding.reminder.done': '✅ Fait le {date}.',
  'onboarding.complete': {
    one: '🎉 L’onboarding de *{title}* est terminé, en {count} jour. La mission est maintenant active.',
    other: '🎉 L’onboarding de *{title}* est terminé, en {count} jours. La mission est maintenant active.',
  },
  'onboarding.reminder.text':
    '⏰ Rappel pour *{title}* : « {label} » était à faire pour le {date} et reste ouvert.',
  'onboarding.digest.item': '*{label}* — à faire pour le {date}',
  'onboarding.reminder.button': 'Marquer comme fait',
  'onboarding.toggle.forbidden':
    'Seuls le responsable de cette étape, le manager de la mission ou un admin peuvent la cocher.',
  'onboarding.toggle.closed': 'Cette mission est close : sa checklist ne peut plus changer.',
  'onboarding.toggle.notFound': 'Cette étape de checklist n’existe plus.',
};

export const onboarding = { en, fr };
