import type { RoomName } from '@synergies/shared';
import { computed, getCurrentScope, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { realtimeConnection, type RoomHandlers } from './connection';

/**
 * Follows a room while the component lives (and the room name is not null): events as they
 * are committed, resumed after a reconnection without loss or duplicate, `onReload` when the
 * page must refetch. `live` says whether events are flowing now; pages fall back to polling
 * while it is false.
 */
export function useRealtimeRoom(room: MaybeRefOrGetter<RoomName | null | undefined>, handlers: RoomHandlers) {
  const connection = realtimeConnection();
  const joined = ref(false);
  const role = ref<string | undefined>(undefined);
  let leave: (() => void) | undefined;

  const stop = watch(
    () => toValue(room),
    (name) => {
      leave?.();
      leave = undefined;
      joined.value = false;
      if (!name) return;
      leave = connection.join(name, {
        ...handlers,
        onJoined: (info) => {
          joined.value = true;
          role.value = info.role;
          handlers.onJoined?.(info);
        },
        onRefused: (code) => {
          joined.value = false;
          handlers.onRefused?.(code);
        },
      });
    },
    { immediate: true },
  );
  watch(connection.status, (s) => {
    if (s !== 'open') joined.value = false;
  });

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop();
      leave?.();
    });
  }
  const live = computed(() => joined.value && connection.status.value === 'open');
  return { status: connection.status, live, role };
}
