import type { MessageKey } from './i18n/index.js';

/** Base of the errors the app expects: each has a stable code that maps to a message for the user. */
export abstract class AppError extends Error {
  abstract readonly code: 'validation' | 'forbidden' | 'not_found' | 'conflict';
  constructor(
    message: string,
    /** The i18n key shown to the user when this error reaches a listener. */
    readonly messageKey: MessageKey,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `fields` maps block ids to i18n keys for inline modal errors. */
export class ValidationError extends AppError {
  readonly code = 'validation' as const;
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    messageKey: MessageKey = 'error.validation',
  ) {
    super(message, messageKey);
  }
}

/** The caller may not do this. */
export class ForbiddenError extends AppError {
  readonly code = 'forbidden' as const;
  constructor(message: string, messageKey: MessageKey = 'error.forbidden') {
    super(message, messageKey);
  }
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError {
  readonly code = 'not_found' as const;
  constructor(message: string, messageKey: MessageKey = 'error.notFound') {
    super(message, messageKey);
  }
}

/** The action clashes with the current state (already done, wrong status). */
export class ConflictError extends AppError {
  readonly code = 'conflict' as const;
  constructor(message: string, messageKey: MessageKey = 'error.conflict') {
    super(message, messageKey);
  }
}
