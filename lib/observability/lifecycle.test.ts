// Graceful shutdown: requests in flight finish before the steps run, the steps run in order, the process
// stops being ready at once, and a shutdown that hangs gives up with a non-zero exit.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { pulseLifecycle?: unknown }).pulseLifecycle;
  vi.resetModules();
});

describe('shutdown', () => {
  it('drains requests in flight, then runs the steps in order and exits 0', async () => {
    const { isDraining, shutdown, trackRequest } = await import('./lifecycle');
    const order: string[] = [];
    let finishRequest!: () => void;
    const request = trackRequest(() => new Promise<void>((resolve) => (finishRequest = resolve)).then(() => void order.push('request done')));
    const exit = vi.fn();
    const done = shutdown(
      [async () => void order.push('runner stopped'), async () => void order.push('pool closed')],
      exit,
    );
    expect(isDraining()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]); // still waiting for the request
    finishRequest();
    await request;
    await done;
    expect(order).toEqual(['request done', 'runner stopped', 'pool closed']);
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('gives up after 30 s with exit code 1', async () => {
    vi.useFakeTimers();
    const { shutdown } = await import('./lifecycle');
    const exit = vi.fn();
    void shutdown([() => new Promise<void>(() => undefined)], exit);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('a step that fails exits 1', async () => {
    const { shutdown } = await import('./lifecycle');
    const exit = vi.fn();
    await shutdown([async () => Promise.reject(new Error('pool close failed'))], exit);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
