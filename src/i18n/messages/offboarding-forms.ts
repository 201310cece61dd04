import type { Message } from '../catalogue.js';

/** The offboarding's two forms: the freelancer's feedback and the manager's evaluation, and what stays private. */
const en = {
  'offboarding.feedback.open': 'Give my feedback',
  'offboarding.feedback.title': 'Your feedback',
  'offboarding.feedback.intro':
    'How did *{title}* go for you? Your answers are read by managers and HR only, never posted in a channel.',
  'offboarding.feedback.overall': 'Overall experience (1–5)',
  'offboarding.feedback.onboarding': 'Onboarding (1–5)',
  'offboarding.feedback.communication': 'Communication (1–5)',
  'offboarding.feedback.recognition': 'Recognition of your work (1–5)',
  'offboarding.feedback.improve': 'What should we improve?',
  'offboarding.feedback.again': 'Would you work with us again?',
  'offboarding.feedback.recommend': 'Would you recommend us to a fellow freelancer? (0–10)',
  'offboarding.digest.feedback':
    '*Your feedback on the mission* — two minutes, and it helps the next freelancer',
  'offboarding.digest.evaluation': '*Your evaluation of the freelancer* — the mission closes once it is in',
  'offboarding.digest.item': 'Handover: *{label}*',
  'offboarding.feedback.reminder':
    '⏰ A reminder: your feedback on *{title}* is still missing. It takes two minutes.',
  'offboarding.feedback.thanks': 'Thank you for your feedback! 🙏',
  'offboarding.evaluation.open': 'Give my evaluation',
  'offboarding.evaluation.title': 'Evaluation',
  'offboarding.evaluation.intro': 'Your evaluation of <@{freelancer}> on *{title}*.',
  'offboarding.evaluation.rating': 'Overall rating (1–5)',
  'offboarding.evaluation.skills': 'Skills shown on this mission',
  'offboarding.evaluation.moreSkills': 'Other skills shown (comma-separated)',
  'offboarding.evaluation.recommendation': 'Recommendation',
  'offboarding.evaluation.shareLabel': 'Sharing',
  'offboarding.evaluation.share': 'Share the recommendation with the freelancer',
  'offboarding.evaluation.privateNote': 'Private note for future managers',
  'offboarding.evaluation.privateHint': 'Not shown to the freelancer in Passerelle.',
  'offboarding.evaluation.privacy':
    '🔒 Private notes and evaluations are visible to managers and admins only, and are disclosed to the freelancer if they make a data-access request.',
  'offboarding.evaluation.rehire': 'Would you hire them again?',
  'offboarding.evaluation.renewed': 'Is the mission renewed?',
  'offboarding.evaluation.thanks': 'Evaluation saved. Thank you!',
  'offboarding.private.view': 'View evaluation',
  'offboarding.private.title': 'Evaluation & feedback',
  'offboarding.private.notice': '🔒 Visible to managers and admins only. Do not copy it into a channel.',
  'offboarding.private.evaluation': 'Manager’s evaluation',
  'offboarding.private.rating': 'Rating: {rating}/5',
  'offboarding.private.skills': 'Skills: {skills}',
  'offboarding.private.rehire': 'Would rehire: {answer}',
  'offboarding.private.renewed': 'Renewed: {answer}',
  'offboarding.private.recommendation': 'Recommendation (shared: {shared}): {text}',
  'offboarding.private.note': 'Private note: {text}',
  'offboarding.private.noEvaluation': 'No evaluation yet.',
  'offboarding.private.feedback': 'Freelancer’s feedback',
  'offboarding.private.scores':
    'Overall {overall}/5 · onboarding {onboarding}/5 · communication {communication}/5 · recognition {recognition}/5',
  'offboarding.private.again': 'Would work with us again: {answer} · recommends us: {recommend}/10',
  'offboarding.private.improve': 'To improve: {text}',
  'offboarding.private.noFeedback': 'No feedback yet.',
} as const satisfies Record<string, Message>;

const fr: Record<keyof typeof en, Message> = {
  'offboarding.feedback.open': 'Donner mon retour',
  'offboarding.feedback.title': 'Votre retour',
  'offboarding.feedback.intro':
    'Comment s’est passée *{title}* pour vous ? Vos réponses ne sont lues que par les managers et les RH, jamais publiées dans un canal.',
  'offboarding.feedback.overall': 'Expérience globale (1–5)',
  'offboarding.feedback.onboarding': 'Onboarding (1–5)',
  'offboarding.feedback.communication': 'Communication (1–5)',
  'offboarding.feedback.recognition': 'Reconnaissance de votre travail (1–5)',
  'offboarding.feedback.improve': 'Que devrions-nous améliorer ?',
  'offboarding.feedback.again': 'Retravailleriez-vous avec nous ?',
  'offboarding.feedback.recommend': 'Nous recommanderiez-vous à un autre freelance ? (0–10)',
  'offboarding.feedback.reminder':
    '⏰ Petit rappel : votre retour sur *{title}* manque encore. Cela prend deux minutes.',
  'offboarding.feedback.thanks': 'Merci pour votre retour ! 🙏',
  'offboarding.digest.feedback':
    '*Votre retour sur la mission* — deux minutes, et il aide le prochain freelance',
  'offboarding.digest.evaluation':
    '*Votre évaluation du freelance* — la mission se clôt une fois qu’elle est donnée',
  'offboarding.digest.item': 'Passation : *{label}*',
  'offboarding.evaluation.open': 'Donner mon évaluation',
  'offboarding.evaluation.title': 'Évaluation',
  'offboarding.evaluation.intro': 'Votre évaluation de <@{freelancer}> sur *{title}*.',
  'offboarding.evaluation.rating': 'Note globale (1–5)',
  'offboarding.evaluation.skills': 'Compétences démontrées sur cette mission',
  'offboarding.evaluation.moreSkills': 'Autres compétences démontrées (séparées par des virgules)',
  'offboarding.evaluation.recommendation': 'Recommandation',
  'offboarding.evaluation.shareLabel': 'Partage',
  'offboarding.evaluation.share': 'Partager la recommandation avec le freelance',
  'offboarding.evaluation.privateNote': 'Note privée pour les futurs managers',
  'offboarding.evaluation.privateHint': 'Non montrée au freelance dans Passerelle.',
  'offboarding.evaluation.privacy':
    '🔒 Les notes privées et les évaluations ne sont visibles que des managers et des admins, et sont communiquées au freelance s’il fait une demande d’accès à ses données.',
  'offboarding.evaluation.rehire': 'Le reprendriez-vous ?',
  'offboarding.evaluation.renewed': 'La mission est-elle renouvelée ?',
  'offboarding.evaluation.thanks': 'Évaluation enregistrée. Merci !',
  'offboarding.private.view': 'Voir l’évaluation',
  'offboarding.private.title': 'Évaluation et retour',
  'offboarding.private.notice':
    '🔒 Visible des managers et des admins uniquement. Ne le recopiez pas dans un canal.',
  'offboarding.private.evaluation': 'Évaluation du manager',
  'offboarding.private.rating': 'Note : {rating}/5',
  'offboarding.private.skills': 'Compétences : {skills}',
  'offboarding.private.rehire': 'À reprendre : {answer}',
  'offboarding.private.renewed': 'Renouvelée : {answer}',
  'offboarding.private.recommendation': 'Recommandation (partagée : {shared}) : {text}',
  'offboarding.private.note': 'Note privée : {text}',
  'offboarding.private.noEvaluation': 'Pas encore d’évaluation.',
  'offboarding.private.feedback': 'Retour du freelance',
  'offboarding.private.scores':
    'Global {overall}/5 · onboarding {onboarding}/5 · communication {communication}/5 · reconnaissance {recognition}/5',
  'offboarding.private.again': 'Retravaillerait avec nous : {answer} · nous recommande : {recommend}/10',
  'offboarding.private.improve': 'À améliorer : {text}',
  'offboarding.private.noFeedback': 'Pas encore de retour.',
};

export const offboardingForms = { en, fr };
