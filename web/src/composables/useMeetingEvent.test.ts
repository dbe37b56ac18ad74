import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import { ApiError } from '../api/client';
import { mountOptions } from '../test-utils';

const meetingsApi = { get: vi.fn(), requests: vi.fn(), schedule: vi.fn(), setStatus: vi.fn(), run: vi.fn(), startRun: vi.fn(), publish: vi.fn() };
vi.mock('../api', () => ({ meetingsApi }));
// The realtime link stays down: the page works from its own requests.
vi.mock('../realtime/useRealtimeRoom', () => ({ useRealtimeRoom: () => ({ live: ref(false) }) }));

const { useMeetingEvent } = await import('./useMeetingEvent');
type State = ReturnType<typeof useMeetingEvent>;

const event = {
  id: 'e1',
  zoneId: 'z1',
  name: 'Rendez-vous',
  date: '2026-10-05',
  status: 'requests_open',
  version: 2,
  participants: [],
  tables: [],
  sessions: [],
  breaks: [],
};
const conflict = () => new ApiError({ type: 'x', title: 'Conflict', status: 409, code: 'version_conflict', detail: 'Modifié entre-temps.' });

async function mountState(): Promise<State> {
  let state: State | undefined;
  mount(
    defineComponent({
      setup() {
        state = useMeetingEvent(ref('e1'));
        return () => null;
      },
    }),
    mountOptions(),
  );
  await flushPromises();
  return state!;
}

beforeEach(() => {
  for (const fn of Object.values(meetingsApi)) fn.mockReset();
  meetingsApi.get.mockResolvedValue(event);
  meetingsApi.requests.mockResolvedValue([{ id: 'r1' }]);
  meetingsApi.schedule.mockResolvedValue(null);
});

describe('useMeetingEvent', () => {
  it('loads the event with its requests and schedule', async () => {
    const m = await mountState();
    expect(meetingsApi.get).toHaveBeenCalledWith('e1');
    expect(m.event.value?.name).toBe('Rendez-vous');
    expect(m.requests.value).toHaveLength(1);
    expect(m.schedule.value).toBeNull();
    expect(m.loadError.value).toBeNull();
  });

  it('offers to reload on a stale version instead of showing it as a failure, and reloading clears it', async () => {
    const m = await mountState();
    meetingsApi.setStatus.mockRejectedValue(conflict());
    m.setStatus('draft');
    await flushPromises();
    expect(meetingsApi.setStatus).toHaveBeenCalledWith('e1', 'draft', 2);
    expect(m.conflict.value).toBe(true);
    expect(m.actionError.value).toBeNull();
    expect(m.busy.value).toBe(false);
    await m.load();
    expect(m.conflict.value).toBe(false);
  });

  it('shows any other failure and tells the caller the action did not happen', async () => {
    const m = await mountState();
    const refused = new ApiError({ type: 'x', title: 'Forbidden', status: 403, code: 'forbidden' });
    expect(await m.act(() => Promise.reject(refused))).toBe(false);
    expect(m.actionError.value).toBe(refused);
    expect(m.conflict.value).toBe(false);
    expect(await m.act(() => Promise.resolve())).toBe(true);
    expect(m.actionError.value).toBeNull();
  });
});
