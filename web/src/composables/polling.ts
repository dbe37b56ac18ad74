import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Polling<T> {
  current: ShallowRef<T | null>;
  error: Ref<unknown>;
  active: Ref<boolean>;
  /** Follows a job from its first state until `finished` says so (or the caller stops). */
  follow: (initial: T) => void;
  /** A newer state pushed by the realtime channel. */
  push: (next: T) => void;
  stop: () => void;
}

/**
 * Follows a background job (a match run, a scheduling run): asks `fetch` every `everyMs`
 * until `finished` holds, a call fails, or the component goes away. While `live()` holds,
 * the realtime channel `push`es the states and no request is made: polling is the fallback
 * for when the socket is down.
 */
export function usePolling<T>(
  fetch: (current: T) => Promise<T>,
  finished: (value: T) => boolean,
  everyMs = 1000,
  live: () => boolean = () => false,
): Polling<T> {
  const current = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const active = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function stop() {
    generation++;
    if (timer) clearTimeout(timer);
    timer = undefined;
    active.value = false;
  }

  function schedule(gen: number) {
    timer = setTimeout(async () => {
      if (gen !== generation || !current.value) return;
      if (live()) return schedule(gen);
      try {
        const next = await fetch(current.value);
        if (gen !== generation) return;
        current.value = next;
        if (finished(next)) stop();
        else schedule(gen);
      } catch (e) {
        if (gen !== generation) return;
        error.value = e;
        stop();
      }
    }, everyMs);
  }

  function follow(initial: T) {
    stop();
    const gen = generation;
    current.value = initial;
    error.value = null;
    if (finished(initial)) return;
    active.value = true;
    schedule(gen);
  }

  function push(next: T) {
    if (!active.value) return;
    current.value = next;
    if (finished(next)) stop();
  }

  if (getCurrentScope()) onScopeDispose(stop);
  return { current, error, active, follow, push, stop };
}
