/**
 * Saves what is typed as a draft on the server, a moment after the typing stops (and at least every few seconds
 * while it goes on), one save at a time, the latest content winning. Framework-free so that it can be tested with
 * fake timers; `useAutosave` wraps it for a form.
 */
import { isApiClientError } from '../../../lib/api-client';
import { clearPending, writePending, type DraftStorage } from './draft-store';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  /** The content is kept in this tab and tried again; `retrying` is false when a retry would not help. */
  | { state: 'failed'; retrying: boolean };

export interface AutosaverOptions {
  key: string;
  personId: string;
  save: (content: unknown) => Promise<{ updatedAt: string | null }>;
  remove: () => Promise<void>;
  storage: DraftStorage | null;
  onStatus: (status: AutosaveStatus) => void;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest time a change waits while typing goes on. */
  maxWaitMs?: number;
  /** Wait before trying a failed save again. */
  retryMs?: number;
  now?: () => number;
}

interface Waiting {
  content: unknown;
}

export class Autosaver {
  private waiting: Waiting | null = null;
  private firstChangeAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private paused = false;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AutosaverOptions) {
    this.delayMs = options.delayMs ?? 800;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.retryMs = options.retryMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The form changed: keep a copy in this tab at once, and save to the server shortly. */
  change(content: unknown): void {
    const { storage, personId, key } = this.options;
    writePending(storage, personId, key, content, this.now());
    this.waiting = { content };
    if (this.paused) return;
    this.firstChangeAt ??= this.now();
    const sinceFirst = this.now() - this.firstChangeAt;
    this.schedule(Math.max(0, Math.min(this.delayMs, this.maxWaitMs - sinceFirst)));
  }

  /** Saves what is waiting now (leaving the page, a restored copy to send); resolves when nothing is in flight. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.paused) return;
    if (this.inFlight) {
      await this.inFlight;
      if (this.waiting) await this.saveNow();
      return;
    }
    await this.saveNow();
  }

  /**
   * Before the form is submitted: no save may reach the server after the submission (the API deletes the draft
   * when it takes the real thing, and a late save would bring it back). Resolves when nothing is in flight.
   */
  async pause(): Promise<void> {
    this.paused = true;
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
  }

  /** The submission failed: the draft carries on. */
  resume(): void {
    this.paused = false;
    if (this.waiting) this.schedule(this.delayMs);
  }

  /** The submission succeeded: forget the draft here and on the server; what is typed next is a new draft. */
  async discard(): Promise<void> {
    this.paused = true;
    this.cancelTimer();
    this.waiting = null;
    if (this.inFlight) await this.inFlight;
    clearPending(this.options.storage, this.options.personId, this.options.key);
    this.options.onStatus({ state: 'idle' });
    await this.options.remove().catch(() => undefined);
    this.paused = false;
    // Typed while the draft was being forgotten: keep that.
    if (this.waiting) this.schedule(this.delayMs);
  }

  private schedule(wait: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private saveNow(): Promise<void> {
    if (this.inFlight) {
      // One save at a time: the change waits for the one on its way, then goes.
      const after = this.inFlight.then(() => (this.waiting && !this.paused ? this.saveNow() : undefined));
      return after;
    }
    const next = this.waiting;
    if (!next || this.paused) return Promise.resolve();
    this.waiting = null;
    this.firstChangeAt = null;
    const { storage, personId, key, save, onStatus } = this.options;
    onStatus({ state: 'saving' });
    const attempt = save(next.content).then(
      (saved) => {
        clearPending(storage, personId, key, next.content);
        if (!this.waiting) onStatus(saved.updatedAt ? { state: 'saved', at: saved.updatedAt } : { state: 'idle' });
      },
      (error: unknown) => {
        // Keep it for the next try unless something newer is waiting already.
        this.waiting ??= next;
        const retrying = !isApiClientError(error) || error.status === 0 || error.status >= 500;
        onStatus({ state: 'failed', retrying });
        if (retrying && !this.paused) this.schedule(this.retryMs);
      },
    );
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }
}
