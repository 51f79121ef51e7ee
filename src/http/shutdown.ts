/**
 * What long requests (imports) need to end well when the service stops: a signal to stop taking
 * work, and a wait for their answers before the server closes their sockets (Apollo's drain
 * destroys connections after its grace period, which would leave an import's client with no answer
 * and no line in the log).
 */
export class Shutdown {
  private readonly controller = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `work`, which `begin` waits for. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Signals every tracked request to wind down, and waits until each has answered, or `graceMs`
   * has passed (a client still uploading its file must not hold the shutdown).
   */
  async begin(graceMs: number): Promise<void> {
    this.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }
}
