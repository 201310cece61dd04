/**
 * The words the sandbox page draws around the app's own (labels, buttons, "(edited)", the guide, the
 * clock's report), in the viewer's language: the seeded person's Slack locale, as Slack's client does.
 * The app's words come from the app (src/i18n); these are the stand-in Slack client's.
 */

const en = {
  lang: 'en',
  title: 'Passerelle sandbox',
  viewingAs: 'Viewing as',
  sandboxTime: 'Sandbox time',
  advanceTo: 'Advance to',
  advance: 'Advance',
  nextPlanned: 'Next planned',
  nextPlannedHint: 'Advance to the next check-in, reminder or job',
  conversations: 'Conversations',
  home: 'Home',
  dm: 'Passerelle (DM)',
  commandPlaceholder: 'Type a slash command, e.g. /mission-start',
  commandLabel: 'Slash command',
  send: 'Send',
  noMessages: 'No messages yet.',
  homeNotPublished: 'Opening the Home tab…',
  running: 'Running the scheduler…',
  optional: '(optional)',
  edited: '(edited)',
  onlyYou: 'Only visible to you',
  app: 'APP',
  select: 'Select…',
  cancel: 'Cancel',
  close: 'Close',
  moreActions: 'More actions',
  externalOptions: 'External options are not served in the sandbox',
  imageMissing: 'Image',
  typeACommand: 'Type a slash command, e.g. `/mission-start`.',
  refused: '{what}: the app answered HTTP {status} {body}',
  theAction: 'the action',
  theForm: 'the form',
  demoSeeding:
    'Preparing the demo workspace: {done} of {total} steps played. The conversations fill in as it plays.',
  guideTitle: 'Try this',
  guideSwitch: 'Switch person with “Viewing as”: each sees their own DMs, Home and language.',
  guideClock:
    'Move time with “Next planned” (the next check-in, reminder or job) or “Advance to”: the scheduler runs as it would have.',
  'role.manager': 'manager',
  'role.freelancer': 'freelancer',
  'role.admin': 'admin',
  'role.animator': 'community animator',
  guest: 'guest',
  'guide.manager.1': 'Type `/mission-start` below to staff a freelancer on a mission (the form opens).',
  'guide.manager.2': 'Open *Passerelle (DM)*: check-in summaries, onboarding and offboarding checklists.',
  'guide.manager.3': 'Type `/missions`, `/talent figma` or `/mission-stats 90d`.',
  'guide.freelancer.1': 'Open *Passerelle (DM)*: tick your onboarding items, answer a check-in.',
  'guide.freelancer.2': 'No check-in yet? Click *Next planned* until it arrives.',
  'guide.freelancer.3': 'On this Home: edit your talent profile, see your community events.',
  'guide.admin.1': 'Type `/mission-stats 90d`: the whole workspace’s figures (and *Export CSV*).',
  'guide.admin.2': 'Below on this Home: the workspace summary of the last 30 days.',
  'guide.admin.3': 'Type `/mission-end` to end any open mission, `/passerelle help` for every command.',
  'guide.animator.1': 'Type `/event-invite` to invite the community to an event.',
  'guide.animator.2': 'Open *#freelance-community*: the invites and who is going.',
  'guide.animator.3': 'Switch to a freelancer and answer an invite: the count updates for everyone.',
  nothingDue: 'Nothing was due.',
  nothingPlanned: 'Nothing is planned: start a mission first.',
  badTime: 'Give a date and a time.',
  backwards: 'The sandbox clock only moves forward.',
  'clock.sent': 'Sent: {list}.',
  'clock.held': 'Held until {until} (the person’s sending hours): {list}.',
  'clock.closed': 'Closed unanswered: {list}.',
  'clock.skipped': 'Not sent (too late): {list}.',
  'clock.retry': 'To try again: {list}.',
  'clock.failed': 'Failed: {list}.',
  'thing.checkin': { one: '1 check-in', other: '{count} check-ins' },
  'thing.checkinReminder': { one: '1 check-in reminder', other: '{count} check-in reminders' },
  'thing.onboardingReminder': { one: '1 onboarding reminder', other: '{count} onboarding reminders' },
  'thing.nudge': {
    one: '1 suggestion to work with someone again',
    other: '{count} suggestions to work with someone again',
  },
  'thing.availability': { one: '1 availability question', other: '{count} availability questions' },
  'thing.proposal': { one: '1 offboarding proposal', other: '{count} offboarding proposals' },
  'thing.feedbackReminder': { one: '1 feedback reminder', other: '{count} feedback reminders' },
  'thing.evaluationReminder': { one: '1 evaluation reminder', other: '{count} evaluation reminders' },
  'thing.other': { one: '1 other message', other: '{count} other messages' },
} as const;

type Plural = { one: string; other: string };
type Key = keyof typeof en;
type Catalogue = { [K in Key]: (typeof en)[K] extends string ? string : Plural };

const fr: Catalogue = {
  lang: 'fr',
  title: 'Bac à sable Passerelle',
  viewingAs: 'Vu par',
  sandboxTime: 'Heure du bac à sable',
  advanceTo: 'Avancer au',
  advance: 'Avancer',
  nextPlanned: 'Prochain prévu',
  nextPlannedHint: 'Avancer au prochain point, rappel ou envoi prévu',
  conversations: 'Conversations',
  home: 'Accueil',
  dm: 'Passerelle (MP)',
  commandPlaceholder: 'Tapez une commande, par ex. /mission-start',
  commandLabel: 'Commande',
  send: 'Envoyer',
  noMessages: 'Aucun message pour l’instant.',
  homeNotPublished: 'Ouverture de l’onglet Accueil…',
  running: 'Le planificateur tourne…',
  optional: '(facultatif)',
  edited: '(modifié)',
  onlyYou: 'Visible par vous seul·e',
  app: 'APP',
  select: 'Choisir…',
  cancel: 'Annuler',
  close: 'Fermer',
  moreActions: 'Plus d’actions',
  externalOptions: 'Options externes non servies dans le bac à sable',
  imageMissing: 'Image',
  typeACommand: 'Tapez une commande, par ex. `/mission-start`.',
  refused: '{what} : l’app a répondu HTTP {status} {body}',
  theAction: 'l’action',
  theForm: 'le formulaire',
  demoSeeding:
    'Préparation de l’espace de démo : {done} étapes jouées sur {total}. Les conversations se remplissent au fur et à mesure.',
  guideTitle: 'À essayer',
  guideSwitch: 'Changez de personne avec « Vu par » : chacun voit ses MP, son Accueil, sa langue.',
  guideClock:
    'Faites passer le temps avec « Prochain prévu » (le prochain point, rappel ou envoi) ou « Avancer au » : le planificateur tourne comme il l’aurait fait.',
  'role.manager': 'manager',
  'role.freelancer': 'freelance',
  'role.admin': 'admin',
  'role.animator': 'animatrice de la communauté',
  guest: 'invitée',
  'guide.manager.1': 'Tapez `/mission-start` ci-dessous pour lancer une mission (le formulaire s’ouvre).',
  'guide.manager.2': 'Ouvrez *Passerelle (MP)* : synthèses des points, checklists d’arrivée et de départ.',
  'guide.manager.3': 'Tapez `/missions`, `/talent figma` ou `/mission-stats 90d`.',
  'guide.freelancer.1': 'Ouvrez *Passerelle (MP)* : cochez vos points d’arrivée, répondez à un point hebdo.',
  'guide.freelancer.2': 'Pas encore de point ? Cliquez sur *Prochain prévu* jusqu’à son arrivée.',
  'guide.freelancer.3': 'Sur cet Accueil : modifiez votre profil talent, voyez vos événements.',
  'guide.admin.1': 'Tapez `/mission-stats 90d` : les chiffres de tout l’espace (et *Exporter en CSV*).',
  'guide.admin.2': 'Plus bas sur cet Accueil : la synthèse de l’espace sur 30 jours.',
  'guide.admin.3':
    'Tapez `/mission-end` pour clore une mission ouverte, `/passerelle help` pour toutes les commandes.',
  'guide.animator.1': 'Tapez `/event-invite` pour inviter la communauté à un événement.',
  'guide.animator.2': 'Ouvrez *#freelance-community* : les invitations et qui vient.',
  'guide.animator.3': 'Passez à une freelance et répondez à une invitation : le compte change pour tous.',
  nothingDue: 'Rien n’était prévu.',
  nothingPlanned: 'Rien n’est prévu : lancez d’abord une mission.',
  badTime: 'Indiquez une date et une heure.',
  backwards: 'L’heure du bac à sable ne fait qu’avancer.',
  'clock.sent': 'Envoyés : {list}.',
  'clock.held': 'Retenus jusqu’à {until} (heures d’envoi de la personne) : {list}.',
  'clock.closed': 'Clos sans réponse : {list}.',
  'clock.skipped': 'Non envoyés (trop tard) : {list}.',
  'clock.retry': 'À réessayer : {list}.',
  'clock.failed': 'En échec : {list}.',
  'thing.checkin': { one: '1 point hebdo', other: '{count} points hebdo' },
  'thing.checkinReminder': { one: '1 rappel de point hebdo', other: '{count} rappels de point hebdo' },
  'thing.onboardingReminder': { one: '1 rappel d’arrivée', other: '{count} rappels d’arrivée' },
  'thing.nudge': {
    one: '1 suggestion de retravailler avec quelqu’un',
    other: '{count} suggestions de retravailler avec quelqu’un',
  },
  'thing.availability': { one: '1 question de disponibilité', other: '{count} questions de disponibilité' },
  'thing.proposal': { one: '1 proposition de départ', other: '{count} propositions de départ' },
  'thing.feedbackReminder': { one: '1 rappel de retour', other: '{count} rappels de retour' },
  'thing.evaluationReminder': { one: '1 rappel d’évaluation', other: '{count} rappels d’évaluation' },
  'thing.other': { one: '1 autre message', other: '{count} autres messages' },
};

const catalogues: Record<'en' | 'fr', Catalogue> = { en, fr };

/** A key whose text is one string (not a plural). */
export type WordKey = { [K in Key]: Catalogue[K] extends string ? K : never }[Key];
/** A key with a singular and a plural. */
export type CountKey = Exclude<Key, WordKey>;

/** The sandbox's words in one language. */
export interface Words {
  lang: 'en' | 'fr';
  /** A word, `{placeholders}` filled. */
  w(key: WordKey, params?: Readonly<Record<string, string | number>>): string;
  /** A count: singular or plural by `count`. */
  n(key: CountKey, count: number, params?: Readonly<Record<string, string | number>>): string;
  /** Every plain word, for the page's script. */
  all(): Record<WordKey, string>;
}

const fill = (text: string, params: Readonly<Record<string, string | number>>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });

/** The words for a Slack locale (`fr-FR` → French; anything else English, the app's default). */
export function wordsFor(locale: string | undefined): Words {
  const lang = locale?.slice(0, 2).toLowerCase() === 'fr' ? 'fr' : 'en';
  const c = catalogues[lang];
  const rules = new Intl.PluralRules(lang);
  return {
    lang,
    w: (key, params = {}) => fill(c[key] as string, params),
    n: (key, count, params = {}) => {
      const p = c[key] as Plural;
      return fill(rules.select(count) === 'one' ? p.one : p.other, { count, ...params });
    },
    all: () =>
      Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'string')) as Record<
        WordKey,
        string
      >,
  };
}
