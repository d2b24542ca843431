import { describe, expect, it } from '@jest/globals';
import {
  chooseStartingDraft,
  clearPending,
  pendingStorageKey,
  readPending,
  writePending,
  type DraftStorage,
} from './draft-store';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('the copy of an unsaved draft kept in this tab', () => {
  it('is kept per person and key, and read back', () => {
    const storage = memoryStorage();
    writePending(storage, 'p1', 'evidence:e:c', { text: 'hello' }, 1000);
    expect(readPending(storage, 'p1', 'evidence:e:c')).toEqual({ content: { text: 'hello' }, at: 1000 });
    expect(readPending(storage, 'p2', 'evidence:e:c')).toBeNull();
    expect([...storage.items.keys()]).toEqual([pendingStorageKey('p1', 'evidence:e:c')]);
  });

  it('goes once the API holds the same content, but not when something newer was typed', () => {
    const storage = memoryStorage();
    writePending(storage, 'p1', 'k', { text: 'newer' }, 2000);
    clearPending(storage, 'p1', 'k', { text: 'older' });
    expect(readPending(storage, 'p1', 'k')).not.toBeNull();
    clearPending(storage, 'p1', 'k', { text: 'newer' });
    expect(readPending(storage, 'p1', 'k')).toBeNull();
  });

  it('ignores what is not its own shape, and storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem(pendingStorageKey('p1', 'k'), 'not json');
    expect(readPending(storage, 'p1', 'k')).toBeNull();
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(() => writePending(broken, 'p1', 'k', 'x', 1)).not.toThrow();
    expect(readPending(broken, 'p1', 'k')).toBeNull();
    expect(() => clearPending(broken, 'p1', 'k')).not.toThrow();
    expect(readPending(null, 'p1', 'k')).toBeNull();
  });
});

describe('where a form starts', () => {
  const server = { key: 'k', content: { text: 'saved' }, updatedAt: '2026-03-03T10:00:00.000Z' };

  it('from the API’s draft when there is no newer copy here', () => {
    expect(chooseStartingDraft(server, null)).toEqual({
      content: { text: 'saved' },
      savedAt: '2026-03-03T10:00:00.000Z',
      fromThisTab: false,
    });
    expect(
      chooseStartingDraft(server, { content: { text: 'old' }, at: Date.parse('2026-03-03T09:00:00Z') }).content,
    ).toEqual({
      text: 'saved',
    });
  });

  it('from this tab’s copy when it was typed after the last save', () => {
    expect(
      chooseStartingDraft(server, { content: { text: 'typed later' }, at: Date.parse('2026-03-03T10:05:00Z') }),
    ).toEqual({
      content: { text: 'typed later' },
      savedAt: null,
      fromThisTab: true,
    });
    expect(chooseStartingDraft({ key: 'k', content: null, updatedAt: null }, { content: 'x', at: 1 }).fromThisTab).toBe(
      true,
    );
  });

  it('from nothing when there is no draft', () => {
    expect(chooseStartingDraft({ key: 'k', content: null, updatedAt: null }, null)).toEqual({
      content: null,
      savedAt: null,
      fromThisTab: false,
    });
  });
});
