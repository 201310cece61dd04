/** The "Export CSV" button of `/mission-stats` (value: the period as typed, normalised). */
export const EXPORT_CSV = 'analytics.export';
/** The durable job that builds the CSV file and sends it by DM. */
export const EXPORT_JOB = 'analytics.export';
/** The slash command. */
export const STATS_COMMAND = '/mission-stats';
