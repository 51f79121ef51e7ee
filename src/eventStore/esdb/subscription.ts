import type { Readable } from 'node:stream';
import type { Subscription, SubscriptionMessage } from '../eventStore';
import { StoreUnavailableError } from '../errors';
import { toStoreError, type ErrorContext } from './clientErrors';
import { isSystemEvent, toRecordedEvent, type ClientResolvedEvent } from './recordedEvent';

/** What the adapter needs of the client's catch-up subscription (a Transform stream). */
export interface ClientSubscription extends Readable {
  unsubscribe(): Promise<void>;
}

/** Placed in the client's stream where the server's `caught_up` message arrived. */
const CAUGHT_UP = Object.freeze({ caughtUp: true });
const DONE = Symbol('done');

/**
 * Adapts the client's subscription stream to the port.
 *
 * Caught-up: client 6.2.1 turns the server's `caught_up` message (EventStoreDB 23.10+) into a
 * `caughtUp` event emitted by the stream while it transforms that message, after every earlier
 * event has been pushed to its readable buffer. The listener pushes a marker at that point, so
 * the marker is read in order; only the first one becomes `{kind: 'caughtUp'}` (the server says
 * it again after a live subscription fell behind and caught up anew).
 *
 * Back-pressure: events are taken with `read()` only when the consumer asks for the next one;
 * the stream buffers at most its high-water mark and, through the client's pipe and gRPC flow
 * control, the server stops sending until the consumer reads.
 */
export class EsdbSubscription implements Subscription {
  private failure: unknown;
  private ended = false;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly stream: ClientSubscription,
    private readonly context: ErrorContext,
    private readonly onStopped: (subscription: EsdbSubscription) => void,
  ) {
    let caughtUpSeen = false;
    stream.on('caughtUp', () => {
      if (caughtUpSeen) return;
      caughtUpSeen = true;
      stream.push(CAUGHT_UP);
    });
    const signal = () => this.wake?.();
    stream.on('readable', signal);
    stream.on('end', () => {
      this.ended = true;
      signal();
    });
    stream.on('close', () => {
      this.ended = true;
      signal();
    });
    // Listening also keeps an error that arrives before anyone iterates from crashing the process.
    stream.on('error', (error) => {
      this.failure ??= error;
      signal();
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages();
  }

  async unsubscribe(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopped = true;
    this.wake?.();
    this.stopping = (async () => {
      try {
        await this.stream.unsubscribe();
      } catch {
        // the call never started or is already over: nothing left to cancel
      } finally {
        this.stream.destroy();
        this.onStopped(this);
      }
    })();
    return this.stopping;
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    try {
      for (;;) {
        const item = await this.next();
        if (item === DONE) return;
        if (item === CAUGHT_UP) {
          yield { kind: 'caughtUp' };
          continue;
        }
        const resolved = item as ClientResolvedEvent;
        if (resolved.event === undefined || isSystemEvent(resolved.event)) continue;
        yield { kind: 'event', event: toRecordedEvent(resolved) };
      }
    } finally {
      await this.unsubscribe();
    }
  }

  private async next(): Promise<unknown> {
    for (;;) {
      if (this.stopped) return DONE;
      // What arrived before a failure is still delivered, then the failure.
      const item: unknown = this.stream.read();
      if (item !== null) return item;
      if (this.failure !== undefined) throw toStoreError(this.failure, this.context);
      if (this.ended) {
        throw new StoreUnavailableError('EventStoreDB ended the subscription; subscribe again to resume.');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}
