import type { DomainEvent, WorkshopEvent } from '@synergies/shared';
import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import { workshopsApi, type WorkshopView } from '../api/workshops';
import { useRealtimeRoom } from '../realtime';

export const PHASES = ['setup', 'cards', 'board', 'requests', 'schedule', 'meeting_day', 'follow_up', 'closed'] as const;

const isWorkshopEvent = (e: DomainEvent): e is WorkshopEvent => e.type.startsWith('workshop.');

/**
 * A workshop kept live: read once over HTTP, then changed by the events of its room. Counts and
 * the timer are applied from the event itself; anything else reads the workshop again.
 * `listeners` get every event too (a page refreshes its cards, leads or agenda).
 */
export function useLiveWorkshop(id: () => string) {
  const workshop = shallowRef<WorkshopView | null>(null);
  const error = ref<unknown>(null);
  const listeners = new Set<(event: WorkshopEvent) => void>();
  let reading: Promise<void> | null = null;

  async function reload() {
    reading ??= (async () => {
      try {
        workshop.value = await workshopsApi.get(id());
        error.value = null;
      } catch (e) {
        error.value = e;
      } finally {
        reading = null;
      }
    })();
    return reading;
  }

  function apply(event: WorkshopEvent) {
    const w = workshop.value;
    if (w && 'counts' in event) workshop.value = { ...w, counts: event.counts };
    if (w && event.type === 'workshop.timer') workshop.value = { ...w, timer: event.endsAt ? { label: event.label, endsAt: event.endsAt } : null };
    if (
      event.type === 'workshop.phase_changed' ||
      event.type === 'workshop.changed' ||
      event.type === 'workshop.checked_in' ||
      event.type === 'workshop.schedule_published'
    )
      void reload();
    for (const listener of listeners) listener(event);
  }

  const room = useRealtimeRoom(
    computed(() => `workshop:${id()}` as const),
    {
      onEvent: (event: DomainEvent) => {
        if (isWorkshopEvent(event)) apply(event);
      },
      onReload: () => {
        void reload();
        for (const listener of listeners) listener({ type: 'workshop.changed', workshopId: id(), what: 'setup', at: new Date().toISOString() });
      },
    },
  );

  watch(id, () => void reload(), { immediate: true });
  return {
    workshop,
    error,
    reload,
    status: room.status,
    on(listener: (event: WorkshopEvent) => void) {
      listeners.add(listener);
      onBeforeUnmount(() => listeners.delete(listener));
    },
  };
}

/** Seconds left on the workshop's countdown, ticking every second. */
export function useCountdown(endsAt: () => string | null | undefined) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), 1000);
  onBeforeUnmount(() => clearInterval(timer));
  return computed(() => {
    const end = endsAt();
    if (!end) return null;
    const left = Math.max(0, Math.round((Date.parse(end) - now.value) / 1000));
    return { left, text: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` };
  });
}
