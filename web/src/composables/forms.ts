import { reactive } from 'vue';
import type { z } from 'zod';
import { isApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** zod issues as one message per field path ("title", "sites.0.name"). */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks a value against a shared contract schema, the one the server applies. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

/** Reactive field errors of a form, filled by client validation or by a 400 from the server. */
export function useFieldErrors() {
  const errors = reactive<FieldErrors>({});
  function set(next: FieldErrors) {
    for (const k of Object.keys(errors)) delete errors[k];
    Object.assign(errors, next);
  }
  function clear(field?: string) {
    if (field) delete errors[field];
    else set({});
  }
  /** Takes the field errors of an ApiError; returns true when there were some. */
  function fromError(error: unknown): boolean {
    if (!isApiError(error)) return false;
    const fields = error.fieldErrors();
    set(fields);
    return Object.keys(fields).length > 0;
  }
  return { errors, set, clear, fromError };
}
