import type { SchedulingErrorCode, SchedulingFailure } from './types';

/** A domain error with a stable code, thrown for events that no schedule can satisfy. */
export class SchedulingError extends Error {
  constructor(
    readonly code: SchedulingErrorCode,
    message: string,
    readonly details: SchedulingFailure['details'] = {},
  ) {
    super(message);
    this.name = 'SchedulingError';
  }

  toFailure(): SchedulingFailure {
    return { code: this.code, message: this.message, details: this.details, proven: true };
  }
}
