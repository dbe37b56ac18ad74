import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface AsyncState<T> {
  data: ShallowRef<T | undefined>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  run: () => Promise<T | undefined>;
}

/** Loading, error and data of one async read; only the latest run's answer is kept. */
export function useAsync<T>(fn: () => Promise<T>, options: { immediate?: boolean } = {}): AsyncState<T> {
  const data = shallowRef<T | undefined>();
  const error = ref<unknown>(null);
  const loading = ref(false);
  let runId = 0;
  async function run() {
    const id = ++runId;
    loading.value = true;
    error.value = null;
    try {
      const value = await fn();
      if (id === runId) data.value = value;
      return value;
    } catch (e) {
      if (id === runId) error.value = e;
      return undefined;
    } finally {
      if (id === runId) loading.value = false;
    }
  }
  if (options.immediate !== false) void run();
  return { data, error, loading, run };
}

/** A function called once the caller has stopped calling for `ms` milliseconds. */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => timer && clearTimeout(timer);
  onBeforeUnmount(() => debounced.cancel());
  return debounced;
}
