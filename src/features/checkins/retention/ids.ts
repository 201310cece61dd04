/** The once-a-day mark of the retention pass (`checkins.retention:2026-05-04`). */
export const RETENTION_MARK = 'checkins.retention';
