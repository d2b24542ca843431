import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApiClientError } from '../../../lib/api-client';
import { Autosaver, type AutosaveStatus } from './autosaver';
import { readPending, type DraftStorage } from './draft-store';

function memoryStorage(): DraftStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A save that waits until the test lets it finish, so that overlapping saves can be seen. */
function controlledSave() {
  const calls: { content: unknown; finish: () => void; fail: (error: unknown) => void }[] = [];
  const save = jest.fn(
    (content: unknown) =>
      new Promise<{ updatedAt: string | null }>((resolve, reject) => {
        calls.push({
          content,
          finish: () => resolve({ updatedAt: '2026-03-03T10:00:00.000Z' }),
          fail: reject,
        });
      }),
  );
  return { save, calls };
}

const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('Autosaver', () => {
  let now = 0;
  let statuses: AutosaveStatus[];
  let storage: DraftStorage;
  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    statuses = [];
    storage = memoryStorage();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  function make(
    save: (content: unknown) => Promise<{ updatedAt: string | null }>,
    remove = jest.fn(async () => undefined),
  ) {
    return new Autosaver({
      key: 'evidence:e:c',
      personId: 'p1',
      save,
      remove,
      storage,
      onStatus: (status) => statuses.push(status),
      delayMs: 800,
      maxWaitMs: 5000,
      retryMs: 10_000,
      now: () => now,
    });
  }

  function advance(ms: number) {
    now += ms;
    jest.advanceTimersByTime(ms);
  }

  it('saves the latest content once the typing stops, and keeps a copy in the tab until then', async () => {
    const { save, calls } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'a' });
    advance(400);
    saver.change({ text: 'ab' });
    expect(readPending(storage, 'p1', 'evidence:e:c')?.content).toEqual({ text: 'ab' });
    advance(799);
    expect(save).not.toHaveBeenCalled();
    advance(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(calls[0]?.content).toEqual({ text: 'ab' });
    calls[0]?.finish();
    await flushPromises();
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: '2026-03-03T10:00:00.000Z' });
    expect(readPending(storage, 'p1', 'evidence:e:c')).toBeNull();
  });

  it('saves at least every few seconds while the typing goes on', () => {
    const { save } = controlledSave();
    const saver = make(save);
    for (let i = 0; i < 12; i++) {
      saver.change({ text: 'x'.repeat(i) });
      advance(500);
    }
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('sends one save at a time: a change made meanwhile goes after it', async () => {
    const { save, calls } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'first' });
    advance(800);
    saver.change({ text: 'second' });
    advance(800);
    expect(save).toHaveBeenCalledTimes(1);
    calls[0]?.finish();
    await flushPromises();
    expect(save).toHaveBeenCalledTimes(2);
    expect(calls[1]?.content).toEqual({ text: 'second' });
  });

  it('keeps a failed save and tries again when the service may answer later', async () => {
    const { save, calls } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'kept' });
    advance(800);
    calls[0]?.fail(new ApiClientError(0, 'offline'));
    await flushPromises();
    expect(statuses.at(-1)).toEqual({ state: 'failed', retrying: true });
    expect(readPending(storage, 'p1', 'evidence:e:c')?.content).toEqual({ text: 'kept' });
    advance(10_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(calls[1]?.content).toEqual({ text: 'kept' });
  });

  it('does not retry a save the API refused as invalid', async () => {
    const { save, calls } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'x' });
    advance(800);
    calls[0]?.fail(new ApiClientError(400, 'too big'));
    await flushPromises();
    expect(statuses.at(-1)).toEqual({ state: 'failed', retrying: false });
    advance(20_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('sends nothing after pause, waits for a save on its way, and forgets the draft on discard', async () => {
    const { save, calls } = controlledSave();
    const remove = jest.fn(async () => undefined);
    const saver = make(save, remove);
    saver.change({ text: 'on its way' });
    advance(800);
    saver.change({ text: 'typed just before submitting' });
    let paused = false;
    void saver.pause().then(() => {
      paused = true;
    });
    await flushPromises();
    expect(paused).toBe(false);
    calls[0]?.finish();
    await flushPromises();
    expect(paused).toBe(true);
    advance(20_000);
    expect(save).toHaveBeenCalledTimes(1);
    await saver.discard();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(readPending(storage, 'p1', 'evidence:e:c')).toBeNull();
    expect(statuses.at(-1)).toEqual({ state: 'idle' });
    // Typing again afterwards starts a new draft.
    saver.change({ text: 'new' });
    advance(800);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('carries on after a failed submission', () => {
    const { save } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'x' });
    void saver.pause();
    advance(5000);
    expect(save).not.toHaveBeenCalled();
    saver.resume();
    advance(800);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves what is waiting at once on flush', async () => {
    const { save, calls } = controlledSave();
    const saver = make(save);
    saver.change({ text: 'leaving' });
    const flushed = saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    calls[0]?.finish();
    await flushed;
    expect(statuses.at(-1)?.state).toBe('saved');
  });
});
