import { z } from 'zod';

/** A nudge button's value: the closed mission's id. */
export const nudgeValue = z.string().regex(/^[a-f0-9]{24}$/);

/** The date an alumnus picks (`yyyy-MM-dd`). */
export const availableFrom = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
