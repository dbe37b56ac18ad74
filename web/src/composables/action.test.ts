import { describe, expect, it } from 'vitest';
import { useAction } from './action';

describe('useAction', () => {
  it('is busy while running and returns the result', async () => {
    let release!: (v: number) => void;
    const action = useAction(() => new Promise<number>((resolve) => (release = resolve)));
    const running = action.run();
    expect(action.busy.value).toBe(true);
    release(42);
    await expect(running).resolves.toBe(42);
    expect(action.busy.value).toBe(false);
    expect(action.error.value).toBeNull();
  });

  it('keeps the failure for display, tells onError, and clears it on the next run', async () => {
    const seen: unknown[] = [];
    let fail = true;
    const action = useAction(
      async (n: number) => {
        if (fail) throw new Error('boom');
        return n * 2;
      },
      { onError: (e) => seen.push(e) },
    );
    await expect(action.run(1)).resolves.toBeUndefined();
    expect((action.error.value as Error).message).toBe('boom');
    expect(seen).toHaveLength(1);
    expect(action.busy.value).toBe(false);
    fail = false;
    await expect(action.run(2)).resolves.toBe(4);
    expect(action.error.value).toBeNull();
  });
});
