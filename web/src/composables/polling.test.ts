import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { usePolling } from './polling';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Run = { id: string; status: 'running' | 'done'; done: number };

describe('usePolling', () => {
  it('asks until the job is finished, then stops', async () => {
    const fetch = vi.fn(async (r: Run): Promise<Run> => (r.done >= 1 ? { ...r, status: 'done', done: 2 } : { ...r, done: r.done + 1 }));
    const scope = effectScope();
    const p = scope.run(() => usePolling<Run>(fetch, (r) => r.status === 'done', 1000))!;
    p.follow({ id: 'r', status: 'running', done: 0 });
    expect(p.active.value).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.current.value?.done).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.current.value?.status).toBe('done');
    expect(p.active.value).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch).toHaveBeenCalledTimes(2);
    scope.stop();
  });

  it('stops on a failure and when its scope ends', async () => {
    const failing = vi.fn(async (): Promise<Run> => {
      throw new Error('boom');
    });
    const scope = effectScope();
    const p = scope.run(() => usePolling<Run>(failing, () => false, 500))!;
    p.follow({ id: 'r', status: 'running', done: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect((p.error.value as Error).message).toBe('boom');
    expect(p.active.value).toBe(false);

    const slow = vi.fn(async (r: Run) => r);
    const q = scope.run(() => usePolling<Run>(slow, () => false, 500))!;
    q.follow({ id: 'q', status: 'running', done: 0 });
    scope.stop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(slow).not.toHaveBeenCalled();
  });

  it('makes no request while the realtime channel is live, and takes the states it pushes', async () => {
    let live = true;
    const fetch = vi.fn(async (r: Run): Promise<Run> => ({ ...r, done: r.done + 1 }));
    const scope = effectScope();
    const p = scope.run(() =>
      usePolling<Run>(
        fetch,
        (r) => r.status === 'done',
        1000,
        () => live,
      ),
    )!;
    p.follow({ id: 'r', status: 'running', done: 0 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetch).not.toHaveBeenCalled();
    p.push({ id: 'r', status: 'running', done: 5 });
    expect(p.current.value?.done).toBe(5);
    // The link drops: polling takes over.
    live = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(p.current.value?.done).toBe(6);
    p.push({ id: 'r', status: 'done', done: 7 });
    expect(p.active.value).toBe(false);
    scope.stop();
  });
});
