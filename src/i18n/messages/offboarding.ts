import type { Message } from '../catalogue.js';

/** Messages of the offboarding feature (the default handover template's labels are seeded from here). */
const en = {
  'command.missionEnd.description': 'Start the offboarding of a mission you manage (admins: any mission)',
  'offboarding.item.deliverables': 'Deliverables handed over (with links)',
  'offboarding.item.knowledge': 'Knowledge transfer done',
  'offboarding.item.access': 'Access revoked',
  'offboarding.item.equipment': 'Equipment returned',
  'offboarding.owner.freelancer': 'freelancer <@{user}>',
  'offboarding.owner.manager': 'manager <@{user}>',
  'offboarding.item.confirm': 'Confirm',
  'offboarding.item.waive': 'Waive',
  'offboarding.item.confirmedBy': 'Confirmed by <@{user}> on {date}',
  'offboarding.item.waivedBy': 'Waived by <@{user}> on {date}: {reason}',
  'offboarding.item.confirmedNotice': '✅ Confirmed.',
  'offboarding.handover.header': 'Offboarding — {title}',
  'offboarding.handover.introFreelancer':
    'Your mission *{title}* is ending. Confirm your handover items below, then tell us how it went: your feedback helps us welcome the next freelancers better.',
  'offboarding.handover.introManager':
    'Offboarding of <@{freelancer}> on *{title}* has started. Confirm your items, waive those that do not apply (with a reason), and give your evaluation. The mission closes once everything is settled.',
  'offboarding.handover.progress': '*Handover:* {done}/{total} settled',
  'offboarding.handover.fallback': 'Offboarding of {title}: {done}/{total} handover items settled',
  'offboarding.proposal.text':
    '*{title}* with <@{freelancer}> ends on {end}. Shall we start the offboarding (handover checklist, feedback both ways)?',
  'offboarding.proposal.start': 'Start offboarding',
  'offboarding.proposal.done': '✅ Offboarding started by <@{user}>.',
  'offboarding.proposal.changeEnd': 'Change the end date',
  'offboarding.proposal.endChanged':
    'The end date of *{title}* is now {end}: the proposal will come again a few days before it.',
  'offboarding.state.feedbackGiven': '✅ Feedback given on {date}.',
  'offboarding.state.feedbackNotGiven': '➖ Feedback not given: the 7 days are over.',
  'offboarding.state.evaluationGiven': '✅ Evaluation given on {date}.',
  'offboarding.state.closed': '🏁 *Mission closed on {date}.*',
  'offboarding.state.cancelled': '✖️ *Mission cancelled on {date}.*',
  'offboarding.state.followUpCreated': '✅ The follow-up mission is created.',
  'offboarding.pick.text': 'Which mission do you want to end?',
  'offboarding.pick.placeholder': 'Pick a mission',
  'offboarding.command.none':
    'You have no open mission to end (only missions in onboarding or active can be offboarded).',
  'offboarding.command.noneWorkspace':
    'No mission of the workspace is open to end (only missions in onboarding or active can be offboarded).',
  'offboarding.command.allOffboarding':
    'Your open missions are all in offboarding already: their to-dos are on your Home.',
  'offboarding.command.allOffboardingWorkspace':
    'Every open mission of the workspace is in offboarding already.',
  'offboarding.command.alreadyOffboarding': {
    one: '{titles} is already in offboarding.',
    other: '{titles} are already in offboarding.',
  },
  'offboarding.command.notYours':
    '“{text}” is not one of the missions you manage: only its manager or an admin can end it.',
  'offboarding.command.noMatch':
    'No open mission matches “{text}”. `/mission-end` alone lists the missions you can end.',
  'offboarding.command.closed': '*{title}* is closed already: there is nothing left to end.',
  'offboarding.pick.more': {
    one: 'Here is the {shown} of {count} that ends soonest: narrow with `/mission-end <part of the title>`.',
    other:
      'Here are the {shown} of {count} that end soonest: narrow with `/mission-end <part of the title>`.',
  },
  'offboarding.started':
    'Offboarding started: the freelancer received their handover checklist and the feedback form; your checklist and the evaluation form are in your DMs.',
  'offboarding.alreadyStarted': 'The offboarding of this mission has already started.',
  'offboarding.endDate.title': 'End date',
  'offboarding.endDate.label': 'New end date',
  'offboarding.modal.save': 'Save',
  'offboarding.modal.send': 'Send',
  'offboarding.modal.cancel': 'Cancel',
  'offboarding.modal.close': 'Close',
  'offboarding.links.title': 'Deliverables',
  'offboarding.links.label': 'Links to the deliverables',
  'offboarding.links.hint': 'One or more https:// links, separated by spaces or new lines.',
  'offboarding.waive.title': 'Waive an item',
  'offboarding.waive.submit': 'Waive',
  'offboarding.waive.reason': 'Why does this item not apply?',
  'offboarding.renewal.text':
    'You said *{title}* is renewed: create the follow-up mission for <@{freelancer}> (prefilled, you can change everything).',
  'offboarding.renewal.button': 'Create the follow-up mission',
  'offboarding.closed.thanks':
    '🎉 *{title}* is now closed. Thank you for your work with <@{manager}> and the team!',
  'offboarding.closed.thanksFallback': '{title} is closed: thank you!',
  'offboarding.closed.recommendation': '<@{manager}> wrote you a recommendation:',
  'offboarding.closed.profile':
    'Keep your profile up to date (skills, availability) from Passerelle’s *Home* tab: it is how we think of you for the next mission.',
  'offboarding.closed.manager': '✅ *{title}* with <@{freelancer}> is closed.',
  'offboarding.closed.managerFallback': '{title} is closed',
  'offboarding.closed.noFeedback': 'The freelancer’s feedback was not given within 7 days.',
  'offboarding.card.header': 'Handover card',
  'offboarding.yes': 'Yes',
  'offboarding.no': 'No',
  'offboarding.home.header': 'Offboarding to-dos',
  'offboarding.home.feedback': 'Give your feedback on *{title}*',
  'offboarding.home.evaluation': 'Give your evaluation for *{title}*',
  'offboarding.home.item': '*{title}* — confirm “{label}”',
  'offboarding.home.more': { one: '…and {count} more to-do.', other: '…and {count} more to-dos.' },
  'offboarding.error.forbidden':
    'Sorry, only the mission’s manager or an admin can end a mission or change its offboarding.',
  'offboarding.error.notFound': 'I could not find this mission’s offboarding.',
  'offboarding.error.notOpen': 'This mission is not in offboarding (or is already closed).',
  'offboarding.error.notOwner': 'Only the owner of this item can confirm it.',
  'offboarding.error.waiveForbidden': 'Only the mission’s manager or an admin can waive an item.',
  'offboarding.error.settled': 'This item is already settled.',
  'offboarding.error.feedbackForbidden': 'Only the mission’s freelancer can give this feedback.',
  'offboarding.error.feedbackDone': 'This feedback is already in (or its time is over).',
  'offboarding.error.evaluationForbidden': 'Only the mission’s manager or an admin can give this evaluation.',
  'offboarding.error.evaluationDone': 'This evaluation is already in.',
  'offboarding.error.private': 'Sorry, evaluations and feedback are visible to managers and admins only.',
  'offboarding.error.date': 'Pick a date.',
  'offboarding.error.links': 'Give at least one link, each starting with https://',
  'offboarding.error.reason': 'Say in a few words why (3–500 characters).',
  'offboarding.error.field': 'Please answer this.',
  'offboarding.error.shareEmpty': 'Write the recommendation you want to share.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'command.missionEnd.description':
    'Lancer l’offboarding d’une mission que vous gérez (admins : toute mission)',
  'offboarding.item.deliverables': 'Livrables remis (avec liens)',
  'offboarding.item.knowledge': 'Transfert de connaissances fait',
  'offboarding.item.access': 'Accès révoqués',
  'offboarding.item.equipment': 'Matériel rendu',
  'offboarding.owner.freelancer': 'freelance <@{user}>',
  'offboarding.owner.manager': 'manager <@{user}>',
  'offboarding.item.confirm': 'Confirmer',
  'offboarding.item.waive': 'Dispenser',
  'offboarding.item.confirmedBy': 'Confirmé par <@{user}> le {date}',
  'offboarding.item.waivedBy': 'Dispensé par <@{user}> le {date} : {reason}',
  'offboarding.item.confirmedNotice': '✅ Confirmé.',
  'offboarding.handover.header': 'Offboarding — {title}',
  'offboarding.handover.introFreelancer':
    'Votre mission *{title}* se termine. Confirmez vos éléments de passation ci-dessous, puis dites-nous comment cela s’est passé : votre retour nous aide à mieux accueillir les prochains freelances.',
  'offboarding.handover.introManager':
    'L’offboarding de <@{freelancer}> sur *{title}* a commencé. Confirmez vos éléments, dispensez ceux qui ne s’appliquent pas (avec une raison) et donnez votre évaluation. La mission se clôt quand tout est réglé.',
  'offboarding.handover.progress': '*Passation :* {done}/{total} réglés',
  'offboarding.handover.fallback': 'Offboarding de {title} : {done}/{total} éléments de passation réglés',
  'offboarding.proposal.text':
    '*{title}* avec <@{freelancer}> se termine le {end}. On lance l’offboarding (passation, retours croisés) ?',
  'offboarding.proposal.start': 'Lancer l’offboarding',
  'offboarding.proposal.done': '✅ Offboarding lancé par <@{user}>.',
  'offboarding.proposal.changeEnd': 'Changer la date de fin',
  'offboarding.proposal.endChanged':
    'La date de fin de *{title}* est maintenant le {end} : la proposition reviendra quelques jours avant.',
  'offboarding.state.feedbackGiven': '✅ Retour donné le {date}.',
  'offboarding.state.feedbackNotGiven': '➖ Retour non donné : les 7 jours sont passés.',
  'offboarding.state.evaluationGiven': '✅ Évaluation donnée le {date}.',
  'offboarding.state.closed': '🏁 *Mission clôturée le {date}.*',
  'offboarding.state.cancelled': '✖️ *Mission annulée le {date}.*',
  'offboarding.state.followUpCreated': '✅ La mission suivante est créée.',
  'offboarding.pick.text': 'Quelle mission voulez-vous terminer ?',
  'offboarding.pick.placeholder': 'Choisir une mission',
  'offboarding.command.none':
    'Vous n’avez aucune mission ouverte à terminer (seules les missions en onboarding ou actives peuvent passer en offboarding).',
  'offboarding.command.noneWorkspace':
    'Aucune mission de l’espace de travail n’est ouverte à terminer (seules les missions en onboarding ou actives peuvent passer en offboarding).',
  'offboarding.command.allOffboarding':
    'Vos missions ouvertes sont toutes déjà en offboarding : ce qu’il reste à faire est sur votre Accueil.',
  'offboarding.command.allOffboardingWorkspace':
    'Toutes les missions ouvertes de l’espace de travail sont déjà en offboarding.',
  'offboarding.command.alreadyOffboarding': {
    one: '{titles} est déjà en offboarding.',
    other: '{titles} sont déjà en offboarding.',
  },
  'offboarding.command.notYours':
    '« {text} » ne fait pas partie des missions que vous gérez : seul son manager ou un admin peut la terminer.',
  'offboarding.command.noMatch':
    'Aucune mission ouverte ne correspond à « {text} ». `/mission-end` seul liste les missions que vous pouvez terminer.',
  'offboarding.command.closed': '*{title}* est déjà clôturée : il n’y a plus rien à terminer.',
  'offboarding.pick.more': {
    one: 'Voici la {shown} sur {count} qui se termine le plus tôt : affinez avec `/mission-end <partie du titre>`.',
    other:
      'Voici les {shown} sur {count} qui se terminent le plus tôt : affinez avec `/mission-end <partie du titre>`.',
  },
  'offboarding.started':
    'Offboarding lancé : le freelance a reçu sa liste de passation et le formulaire de retour ; votre liste et le formulaire d’évaluation sont dans vos messages.',
  'offboarding.alreadyStarted': 'L’offboarding de cette mission a déjà commencé.',
  'offboarding.endDate.title': 'Date de fin',
  'offboarding.endDate.label': 'Nouvelle date de fin',
  'offboarding.modal.save': 'Enregistrer',
  'offboarding.modal.send': 'Envoyer',
  'offboarding.modal.cancel': 'Annuler',
  'offboarding.modal.close': 'Fermer',
  'offboarding.links.title': 'Livrables',
  'offboarding.links.label': 'Liens vers les livrables',
  'offboarding.links.hint':
    'Un ou plusieurs liens https://, séparés par des espaces ou des retours à la ligne.',
  'offboarding.waive.title': 'Dispenser un élément',
  'offboarding.waive.submit': 'Dispenser',
  'offboarding.waive.reason': 'Pourquoi cet élément ne s’applique-t-il pas ?',
  'offboarding.renewal.text':
    'Vous avez indiqué que *{title}* est renouvelée : créez la mission suivante pour <@{freelancer}> (pré-remplie, tout reste modifiable).',
  'offboarding.renewal.button': 'Créer la mission suivante',
  'offboarding.closed.thanks':
    '🎉 *{title}* est maintenant clôturée. Merci pour votre travail avec <@{manager}> et l’équipe !',
  'offboarding.closed.thanksFallback': '{title} est clôturée : merci !',
  'offboarding.closed.recommendation': '<@{manager}> vous a écrit une recommandation :',
  'offboarding.closed.profile':
    'Tenez votre profil à jour (compétences, disponibilité) depuis l’onglet *Accueil* de Passerelle : c’est ainsi que nous pensons à vous pour la prochaine mission.',
  'offboarding.closed.manager': '✅ *{title}* avec <@{freelancer}> est clôturée.',
  'offboarding.closed.managerFallback': '{title} est clôturée',
  'offboarding.closed.noFeedback': 'Le retour du freelance n’a pas été donné dans les 7 jours.',
  'offboarding.card.header': 'Fiche de passation',
  'offboarding.yes': 'Oui',
  'offboarding.no': 'Non',
  'offboarding.home.header': 'Offboarding à faire',
  'offboarding.home.feedback': 'Donnez votre retour sur *{title}*',
  'offboarding.home.evaluation': 'Donnez votre évaluation pour *{title}*',
  'offboarding.home.item': '*{title}* — confirmez « {label} »',
  'offboarding.home.more': {
    one: '…et {count} autre chose à faire.',
    other: '…et {count} autres choses à faire.',
  },
  'offboarding.error.forbidden':
    'Désolé, seul le manager de la mission ou un admin peut terminer une mission ou modifier son offboarding.',
  'offboarding.error.notFound': 'Je n’ai pas trouvé l’offboarding de cette mission.',
  'offboarding.error.notOpen': 'Cette mission n’est pas en offboarding (ou elle est déjà clôturée).',
  'offboarding.error.notOwner': 'Seul le responsable de cet élément peut le confirmer.',
  'offboarding.error.waiveForbidden': 'Seul le manager de la mission ou un admin peut dispenser un élément.',
  'offboarding.error.settled': 'Cet élément est déjà réglé.',
  'offboarding.error.feedbackForbidden': 'Seul le freelance de la mission peut donner ce retour.',
  'offboarding.error.feedbackDone': 'Ce retour est déjà donné (ou son délai est passé).',
  'offboarding.error.evaluationForbidden':
    'Seul le manager de la mission ou un admin peut donner cette évaluation.',
  'offboarding.error.evaluationDone': 'Cette évaluation est déjà donnée.',
  'offboarding.error.private':
    'Désolé, les évaluations et les retours ne sont visibles que des managers et des admins.',
  'offboarding.error.date': 'Choisissez une date.',
  'offboarding.error.links': 'Donnez au moins un lien, chacun commençant par https://',
  'offboarding.error.reason': 'Dites en quelques mots pourquoi (3 à 500 caractères).',
  'offboarding.error.field': 'Merci de répondre.',
  'offboarding.error.shareEmpty': 'Écrivez la recommandation que vous voulez partager.',
};

export const offboarding = { en, fr };
