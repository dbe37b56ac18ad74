import { onBeforeUnmount, ref } from 'vue';
import { isApiError } from '../api/client';
import { newIdempotencyKey, workshopsApi, type CardInput, type CardView } from '../api/workshops';

interface QueuedCard {
  key: string;
  workshopId: string;
  body: CardInput;
}

const STORAGE = 'synergies.workshop.cardQueue';

function stored(): QueuedCard[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE) ?? '[]') as QueuedCard[];
  } catch {
    return [];
  }
}

/**
 * Cards written on a weak connection: each is kept (in this phone's storage, so a reload loses
 * nothing) with its own Idempotency-Key until the server has it, and sent again when the link
 * returns. A replay of a card that did arrive gets the first answer: no duplicate.
 */
export function useCardQueue(workshopId: () => string, handlers: { sent: (card: CardView) => void; failed: (error: unknown, body: CardInput) => void }) {
  const queue = ref<QueuedCard[]>(stored());
  const sending = ref(false);

  const save = () => localStorage.setItem(STORAGE, JSON.stringify(queue.value));
  const remove = (key: string) => {
    queue.value = queue.value.filter((q) => q.key !== key);
    save();
  };

  async function flush() {
    if (sending.value) return;
    sending.value = true;
    try {
      for (const item of queue.value.filter((q) => q.workshopId === workshopId())) {
        try {
          handlers.sent(await workshopsApi.addCard(item.workshopId, item.body, item.key));
          remove(item.key);
        } catch (error) {
          // No network (or the server restarting): keep it and try again later.
          if (isApiError(error) && (error.status === 0 || error.status >= 500 || error.code === 'idempotency_in_progress')) break;
          remove(item.key);
          handlers.failed(error, item.body);
        }
      }
    } finally {
      sending.value = false;
    }
  }

  function submit(body: CardInput) {
    queue.value = [...queue.value, { key: newIdempotencyKey(), workshopId: workshopId(), body }];
    save();
    return flush();
  }

  const onOnline = () => void flush();
  window.addEventListener('online', onOnline);
  const retry = setInterval(() => {
    if (queue.value.some((q) => q.workshopId === workshopId())) void flush();
  }, 5000);
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    clearInterval(retry);
  });
  void flush();
  return { queue, sending, submit, flush, pending: () => queue.value.filter((q) => q.workshopId === workshopId()) };
}
