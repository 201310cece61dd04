import { IANAZone } from 'luxon';
import { z } from 'zod';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

const slackUserId = /^[UW][A-Z0-9]{2,}$/;
const userIdList = (example: string) =>
  z
    .string()
    .default('')
    .transform((raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(
      z.array(z.string().regex(slackUserId, `a comma-separated list of Slack user ids, e.g. ${example}`)),
    );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `mon 09:00` → ISO weekday and time; `off` → undefined. */
function parseDigestSlot(raw: string): { weekday: number; hour: number; minute: number } | undefined {
  if (raw === 'off') return undefined;
  const [day = '', time = ''] = raw.split(' ');
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { weekday: weekdays.indexOf(day) + 1, hour, minute };
}

/** One entry per variable: how it is parsed and the example shown when it is wrong. */
const schema = z.object({
  SLACK_BOT_TOKEN: z.string({ error: 'missing' }).regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token'),
  SLACK_SIGNING_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[a-f0-9]{16,}$/i, 'must be the hex signing secret of the app')
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token')
      .optional(),
  ),
  PORT: z.coerce.number({ error: 'must be a number' }).int().min(0).max(65535).default(3000),
  MONGODB_URI: optionalText.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// URI')
      .optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url({ error: 'must be a URL' }).optional()),
  DEFAULT_LOCALE: z.enum(locales, { error: 'must be fr or en' }).default('fr'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('Europe/Paris')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone'),
  DEFAULT_COUNTRY: z
    .string()
    .default('FR')
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')),
  ADMIN_USER_IDS: userIdList('U012ABCDEF,U034GHIJKL'),
  ANIMATOR_USER_IDS: userIdList('U056MNOPQR'),
  COMMUNITY_CHANNEL_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id')
      .optional(),
  ),
  COMMUNITY_DIGEST: z
    .string()
    .default('off')
    .transform((raw) => raw.trim().toLowerCase())
    .pipe(
      z
        .string()
        .regex(
          /^(off|(mon|tue|wed|thu|fri|sat|sun) ([01]\d|2[0-3]):[0-5]\d)$/,
          'must be off or a day and a time, e.g. mon 09:00',
        ),
    )
    .transform(parseDigestSlot),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
    .default('info'),
  DATA_DIR: z.string().min(1).default('./.data'),
  CHECKIN_REMINDER_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1')
    .max(168, 'must be at most 168 (a week)')
    .default(24),
  OFFBOARDING_PROPOSAL_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(60, 'must be at most 60')
    .default(5),
  CHECKIN_TEXT_RETENTION_MONTHS: z.coerce
    .number({ error: 'must be a number of months' })
    .int('must be a whole number of months')
    .min(1, 'must be at least 1')
    .max(120, 'must be at most 120 (ten years)')
    .default(24),
  STATS_HR_MIN_PEOPLE: z.coerce
    .number({ error: 'must be a number of people' })
    .int('must be a whole number of people')
    .min(3, 'must be at least 3')
    .max(1000, 'must be at most 1000')
    .default(5),
  SLACK_POST_RATE: z.coerce
    .number({ error: 'must be a number of messages per second' })
    .positive('must be above 0')
    .max(1000, 'must be at most 1000')
    .default(48),
  SKILL_SYNONYMS: optionalText.pipe(
    z
      .string()
      .regex(/^\s*[^=,]+=[^=,]+(\s*,\s*[^=,]+=[^=,]+)*\s*$/, 'must be alias=skill pairs separated by commas')
      .optional(),
  ),
  EMBEDDED_DATABASE: z
    .enum(['auto', 'mongodb-memory-server', 'ferretdb'], {
      error: 'must be auto, mongodb-memory-server or ferretdb',
    })
    .default('auto'),
});

/** The example shown with each variable's problem; each passes its own check (a unit test says so). */
export const configExamples: Readonly<Record<keyof z.input<typeof schema>, string>> = {
  SLACK_BOT_TOKEN: 'xoxb-1234-5678-AbCdEf',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99edfe5a85a5',
  SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef',
  PORT: '3000',
  MONGODB_URI: 'mongodb://localhost:27017/passerelle',
  SLACK_API_URL: 'https://slack.com/api/',
  DEFAULT_LOCALE: 'fr',
  DEFAULT_TIMEZONE: 'Europe/Paris',
  DEFAULT_COUNTRY: 'FR',
  ADMIN_USER_IDS: 'U012ABCDEF,U034GHIJKL',
  ANIMATOR_USER_IDS: 'U056MNOPQR',
  COMMUNITY_CHANNEL_ID: 'C0123456789',
  COMMUNITY_DIGEST: 'mon 09:00',
  LOG_LEVEL: 'info',
  DATA_DIR: './.data',
  CHECKIN_REMINDER_HOURS: '24',
  OFFBOARDING_PROPOSAL_DAYS: '5',
  CHECKIN_TEXT_RETENTION_MONTHS: '24',
  STATS_HR_MIN_PEOPLE: '5',
  SLACK_POST_RATE: '48',
  SKILL_SYNONYMS: 'gql=graphql,tf=terraform',
  EMBEDDED_DATABASE: 'auto',
};

type Parsed = z.output<typeof schema>;

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
  };
  port: number;
  mongodbUri: string | undefined;
  defaultLocale: Locale;
  defaultTimezone: string;
  defaultCountry: string;
  adminUserIds: readonly string[];
  animatorUserIds: readonly string[];
  communityChannelId: string | undefined;
  /** When the weekly community digest is posted (ISO weekday, local time in DEFAULT_TIMEZONE); undefined: off. */
  communityDigest: { weekday: number; hour: number; minute: number } | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataDir: string;
  embeddedDatabase: 'auto' | 'mongodb-memory-server' | 'ferretdb';
  /** Hours after a check-in before its one reminder (then held to the person's sending hours). */
  checkinReminderHours: number;
  /** Days before a mission's end date when its manager is asked to start the offboarding. */
  offboardingProposalDays: number;
  /** Months the free text of a check-in answer is kept (then removed by a daily pass; scores stay). */
  checkinTextRetentionMonths: number;
  /**
   * Distinct people whose HR-only check-in answers a whole quarter must hold before those answers
   * count in a satisfaction figure (`STATS_HR_MIN_PEOPLE`, see docs/metrics.md).
   */
  statsHrMinPeople: number;
  /** chat.postMessage calls per second this instance allows itself (bulk sends are paced to it). */
  slackPostRate: number;
  /** Extra skill synonyms of the talent pool (`SKILL_SYNONYMS`): alias → skill, as typed (normalized by talent). */
  skillSynonyms: Readonly<Record<string, string>>;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** What the process is started for: the server needs a way to receive Slack requests, the CLI only sends. */
export type ConfigPurpose = 'server' | 'cli';

/** Parses the environment into a typed Config, or lists every problem (variable, what is wrong, an example). */
export function loadConfig(env: NodeJS.ProcessEnv, purpose: ConfigPurpose = 'server'): ConfigResult {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? '?') as keyof typeof configExamples;
      const isMissing = issue.code === 'invalid_type' && env[variable] === undefined;
      const what = isMissing ? 'missing' : issue.message;
      problems.push(`${variable}: ${what} (example: ${variable}=${configExamples[variable] ?? '…'})`);
    }
  }
  if (purpose === 'server') {
    const blank = (v: string | undefined) => v === undefined || v.trim() === '';
    if (blank(env.SLACK_SIGNING_SECRET) && blank(env.SLACK_APP_TOKEN)) {
      problems.push(
        `SLACK_SIGNING_SECRET: missing — needed in HTTP mode; or set SLACK_APP_TOKEN for Socket Mode (example: SLACK_SIGNING_SECRET=${configExamples.SLACK_SIGNING_SECRET})`,
      );
    }
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: toConfig(parsed.data) };
}

function toConfig(p: Parsed): Config {
  return {
    slack: {
      botToken: p.SLACK_BOT_TOKEN,
      signingSecret: p.SLACK_SIGNING_SECRET,
      appToken: p.SLACK_APP_TOKEN,
      apiUrl: p.SLACK_API_URL,
    },
    port: p.PORT,
    mongodbUri: p.MONGODB_URI,
    defaultLocale: p.DEFAULT_LOCALE,
    defaultTimezone: p.DEFAULT_TIMEZONE,
    defaultCountry: p.DEFAULT_COUNTRY,
    adminUserIds: p.ADMIN_USER_IDS,
    animatorUserIds: p.ANIMATOR_USER_IDS,
    communityChannelId: p.COMMUNITY_CHANNEL_ID,
    communityDigest: p.COMMUNITY_DIGEST,
    logLevel: p.LOG_LEVEL,
    dataDir: p.DATA_DIR,
    embeddedDatabase: p.EMBEDDED_DATABASE,
    checkinReminderHours: p.CHECKIN_REMINDER_HOURS,
    offboardingProposalDays: p.OFFBOARDING_PROPOSAL_DAYS,
    checkinTextRetentionMonths: p.CHECKIN_TEXT_RETENTION_MONTHS,
    statsHrMinPeople: p.STATS_HR_MIN_PEOPLE,
    slackPostRate: p.SLACK_POST_RATE,
    skillSynonyms: synonymPairs(p.SKILL_SYNONYMS),
  };
}

/** `gql=graphql, tf=terraform` → `{ gql: 'graphql', tf: 'terraform' }` (the schema checked the shape). */
function synonymPairs(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    const [alias, skill] = pair.split('=').map((x) => x.trim());
    if (alias && skill) out[alias] = skill;
  }
  return out;
}

/** The text printed when configuration is invalid: one line per problem, then where to read more. */
export function describeConfigProblems(problems: readonly string[]): string {
  return [
    'Passerelle cannot start: the configuration is incomplete or invalid.',
    ...problems.map((p) => `  - ${p}`),
    'See README.md, "Quick start" and "Configuration" (copy .env.example to .env and fill it in).',
  ].join('\n');
}
