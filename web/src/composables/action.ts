import { ref, type Ref } from 'vue';

export interface Action<A extends unknown[], R> {
  /** True while a run is in flight (disable the button). */
  busy: Ref<boolean>;
  /** The last run's failure, for `<ProblemAlert :error>`; cleared when a run starts. */
  error: Ref<unknown>;
  /** Runs the action; resolves to its result, or undefined when it failed (the error is kept). */
  run: (...args: A) => Promise<R | undefined>;
}

/** A button's work: busy while it runs, its error kept for display, never an unhandled rejection. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, options: { onError?: (error: unknown) => void } = {}): Action<A, R> {
  const busy = ref(false);
  const error = ref<unknown>(null);
  async function run(...args: A): Promise<R | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await fn(...args);
    } catch (e) {
      error.value = e;
      options.onError?.(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
