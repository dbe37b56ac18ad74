import { ref } from 'vue';
import { isApiError, request } from '../api/client';

export interface QueuedAction {
  /** Sent as `Idempotency-Key`: a retry of the same action never creates a duplicate. */
  key: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** What the person sees in the list of actions waiting for the network. */
  label: string;
  queuedAt: string;
}

const STORAGE_KEY = 'synergies.offline-queue';
const RETRY_MS = 5000;

function load(): QueuedAction[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as QueuedAction[]) : [];
  } catch {
    return [];
  }
}

const pending = ref<QueuedAction[]>(typeof localStorage === 'undefined' ? [] : load());
const failed = ref<{ action: QueuedAction; error: unknown }[]>([]);
const listeners = new Set<(action: QueuedAction, result: unknown) => void>();
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function save(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(pending.value));
  } catch {
    // Private browsing without storage: the queue lives as long as the tab.
  }
}

/** Network failures (status 0) and server unavailability keep the action queued; anything else is final. */
const retryable = (error: unknown) => isApiError(error) && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

async function flush(): Promise<void> {
  while (pending.value.length > 0) {
    const action = pending.value[0]!;
    try {
      const result = await request(action.method, action.path, { body: action.body, headers: { 'Idempotency-Key': action.key } });
      pending.value = pending.value.slice(1);
      save();
      listeners.forEach((l) => l(action, result));
    } catch (error) {
      if (retryable(error)) {
        clearTimeout(timer);
        timer = setTimeout(() => void replay(), RETRY_MS);
        return;
      }
      // Refused by the server (a conflict, a closed phase): shown to the person, not retried.
      pending.value = pending.value.slice(1);
      failed.value = [...failed.value, { action, error }];
      save();
    }
  }
}

/** Sends what waits, in order, one at a time. */
function replay(): Promise<void> {
  flushing ??= flush().finally(() => (flushing = null));
  return flushing;
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void replay());
  // What an earlier visit left behind.
  if (pending.value.length > 0) setTimeout(() => void replay(), 0);
}

/**
 * Actions taken on a weak connection (a phone in a workshop room): each is queued with an
 * idempotency key, stored in the browser, and sent in order as soon as the link allows —
 * at once when online, again when the browser says the network is back, and every few seconds
 * meanwhile. The server answers a repeated key with the first response.
 */
export function useOfflineQueue() {
  function enqueue(action: Omit<QueuedAction, 'key' | 'queuedAt'> & { key?: string }): QueuedAction {
    const queued: QueuedAction = { ...action, key: action.key ?? crypto.randomUUID(), queuedAt: new Date().toISOString() };
    pending.value = [...pending.value, queued];
    save();
    void replay();
    return queued;
  }

  /** Told when a queued action was accepted by the server, with its response. */
  function onSent(listener: (action: QueuedAction, result: unknown) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function dismissFailure(key: string): void {
    failed.value = failed.value.filter((f) => f.action.key !== key);
  }

  return { pending, failed, enqueue, replay, onSent, dismissFailure };
}
