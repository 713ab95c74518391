interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Collects writes made in the same turn of the event loop and hands them to
 * `write` together, so that many concurrent requests share one transaction
 * (one trip to the disk) instead of paying for one each.
 */
export class GroupCommit<T> {
  readonly #write: (items: T[]) => void | Promise<void>;
  #queue: Pending<T>[] = [];
  #scheduled = false;
  #inFlight: Promise<void> = Promise.resolve();

  /** @param write writes every item or none (a transaction); throws on failure. */
  constructor(write: (items: T[]) => void | Promise<void>) {
    this.#write = write;
  }

  /** Queues an item; resolves when its batch is committed, rejects if it failed. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes whatever is queued now; resolves when it is done. */
  async flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#queue;
    if (batch.length === 0) return this.#inFlight;
    this.#queue = [];

    // Batches commit in order: a later one waits for the one before it.
    const previous = this.#inFlight;
    this.#inFlight = (async () => {
      await previous;
      try {
        await this.#write(batch.map((pending) => pending.item));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    })();
    return this.#inFlight;
  }
}
