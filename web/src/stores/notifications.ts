import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { notificationsApi, type NotificationView } from '../api';
import { realtimeConnection } from '../realtime/connection';

const EVERY_MS = 60_000;

/**
 * The bell: the latest notifications of the person logged in. New ones arrive through the
 * user's realtime room; polling every minute remains only while that connection is down.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<NotificationView[]>([]);
  const loaded = ref(false);
  const error = ref<unknown>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  let leave: (() => void) | undefined;

  const unread = computed(() => items.value.filter((n) => !n.read).length);

  async function load() {
    try {
      items.value = await notificationsApi.list();
      error.value = null;
      loaded.value = true;
    } catch (e) {
      error.value = e;
    }
  }

  /** Marks everything read on the server; the list shows it at once. */
  async function markAllRead() {
    if (!unread.value) return;
    const before = items.value;
    items.value = items.value.map((n) => ({ ...n, read: true }));
    try {
      await notificationsApi.markRead();
    } catch (e) {
      items.value = before;
      error.value = e;
    }
  }

  function start(userId: string) {
    if (timer) return;
    void load();
    const connection = realtimeConnection();
    // Joined again after a reconnection: what came meanwhile is replayed, and a reload resyncs.
    leave = connection.join(`user:${userId}`, {
      onEvent: (e) => {
        if (e.type === 'notification.created') void load();
      },
      onReload: () => void load(),
    });
    timer = setInterval(() => {
      if (document.visibilityState !== 'hidden' && connection.status.value !== 'open') void load();
    }, EVERY_MS);
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
    leave?.();
    leave = undefined;
    items.value = [];
    loaded.value = false;
  }

  return { items, loaded, error, unread, load, markAllRead, start, stop };
});
