import type { DomainEvent, RoomName } from '@synergies/shared';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { meetingsApi, type MeetingEventView, type MeetingRequestView, type ScheduleRunView, type ScheduleView } from '../api';
import { useRealtimeRoom } from '../realtime/useRealtimeRoom';
import { useNoticesStore } from '../stores/notices';
import { useAction } from './action';
import { isVersionConflict } from './declarations';
import { usePolling } from './polling';

/**
 * A facilitator's business-meetings event: the event, its requests and schedule, kept
 * current by the realtime room (polling the scheduling run while the link is down), and
 * one action at a time whose failure the page shows (a stale version offers to reload).
 */
export function useMeetingEvent(eventId: Ref<string>) {
  const { t } = useI18n();
  const notices = useNoticesStore();
  const event = shallowRef<MeetingEventView | null>(null);
  const requests = ref<MeetingRequestView[]>([]);
  const schedule = shallowRef<ScheduleView | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);

  const action = useAction(async (fn: () => Promise<unknown>, done?: string) => {
    await fn();
    if (done) notices.push(done);
    return true;
  });
  const conflict = computed(() => isVersionConflict(action.error.value));
  /** The failure to show as a problem (a version conflict has its own alert). */
  const actionError = computed(() => (conflict.value ? null : action.error.value));
  /** Runs `fn` as the one action in flight; true when it succeeded (then `done` is announced). */
  const act = async (fn: () => Promise<unknown>, done?: string): Promise<boolean> => (await action.run(fn, done)) === true;
  /** Takes the event as the server returned it after a change. */
  const replaceEvent = (next: MeetingEventView) => {
    event.value = next;
  };
  /** Shows a failure that happened outside an action (a list that could not be read). */
  const showProblem = (error: unknown) => {
    action.error.value = error;
  };

  async function loadSchedule() {
    try {
      schedule.value = await meetingsApi.schedule(eventId.value);
    } catch (e) {
      schedule.value = null;
      showProblem(e);
    }
  }
  async function loadRequests() {
    requests.value = await meetingsApi.requests(eventId.value);
  }
  /** Requests and schedule again, after a change to either. */
  const reloadRequests = () => Promise.all([loadRequests(), loadSchedule()]);
  async function load() {
    loading.value = true;
    loadError.value = null;
    action.error.value = null;
    try {
      event.value = await meetingsApi.get(eventId.value);
      await reloadRequests();
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }
  watch(eventId, load, { immediate: true });

  const published = computed(() => event.value?.status === 'published');
  const names = computed(() => new Map((event.value?.participants ?? []).map((p) => [p.organisationId, p.organisationName])));

  function setStatus(status: 'draft' | 'requests_open') {
    const ev = event.value;
    if (!ev) return;
    void act(
      async () => {
        event.value = await meetingsApi.setStatus(ev.id, status, ev.version);
      },
      t('meetings.statusChanged', { status: t(`meetingStatuses.${status}`) }),
    );
  }

  // Live updates: run progress and changes made by another facilitator or by firms' requests.
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(async () => {
      try {
        event.value = await meetingsApi.get(eventId.value);
        await reloadRequests();
      } catch {
        // The next change or a manual reload tries again.
      }
    }, 300);
  }
  async function onEventRoom(ev: DomainEvent) {
    if (ev.type === 'agenda.changed') refreshSoon();
    else if (ev.type === 'schedule_run.progress' && run.current.value?.id === ev.runId) {
      // The summary comes with the finished run itself.
      const finished = ev.status === 'done' || ev.status === 'failed';
      run.push(finished ? await meetingsApi.run(ev.eventId, ev.runId) : { ...run.current.value, status: ev.status, progress: ev.progress });
    }
  }
  const eventRoom = useRealtimeRoom(() => (eventId.value ? (`event:${eventId.value}` as RoomName) : null), {
    onEvent: (ev) => void onEventRoom(ev),
    onReload: refreshSoon,
  });

  // Scheduling runs (polled only while the realtime link is down).
  const run = usePolling<ScheduleRunView>(
    (r) => meetingsApi.run(r.eventId, r.id),
    (r) => r.status === 'done' || r.status === 'failed',
    1000,
    () => eventRoom.live.value,
  );
  async function compute() {
    const ev = event.value;
    if (!ev) return;
    await act(async () => run.follow(await meetingsApi.startRun(ev.id, 30)));
  }
  watch(
    () => run.current.value?.status,
    async (status) => {
      if (status === 'done') {
        event.value = await meetingsApi.get(eventId.value).catch(() => event.value);
        await loadSchedule();
      }
    },
  );
  const summary = computed(() => run.current.value?.summary ?? schedule.value?.summary ?? null);
  const canPublish = computed(
    () => (event.value?.status === 'scheduled' || event.value?.status === 'requests_open') && !!schedule.value && !schedule.value.outdated && !run.active.value,
  );
  function publish() {
    const ev = event.value;
    if (!ev || !window.confirm(t('meetings.publishConfirm'))) return;
    void act(async () => {
      event.value = await meetingsApi.publish(ev.id, ev.version);
      await loadSchedule();
    }, t('meetings.published'));
  }

  return {
    eventId,
    event,
    requests,
    schedule,
    loading,
    loadError,
    conflict,
    actionError,
    busy: action.busy,
    act,
    showProblem,
    replaceEvent,
    load,
    loadSchedule,
    reloadRequests,
    published,
    names,
    setStatus,
    run,
    compute,
    summary,
    canPublish,
    publish,
  };
}

export type MeetingEventState = ReturnType<typeof useMeetingEvent>;

/** Why a request stays unscheduled, in the interface language (the server's sentence otherwise). */
export function useReasonText() {
  const { t, te } = useI18n();
  return (u: { reason: string; message: string }) => (te(`meetings.reasons.${u.reason}`) ? t(`meetings.reasons.${u.reason}`) : u.message);
}

/** The two firms of a meeting ("A – B"). */
export const pairName = (orgs: { name: string }[]) => orgs.map((o) => o.name).join(' – ');
