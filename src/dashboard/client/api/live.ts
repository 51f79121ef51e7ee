import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { ApiError, type Variables } from './graphql';

/** What the header's live indicator says. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers<Data> {
  next(data: Data): void;
  /** The API refused the subscription or ended it with an error (not a lost connection). */
  error?(error: ApiError): void;
  /**
   * Variables for the next (re)subscription, given the latest data: `registryEvents` passes
   * `{ after: cursor }` so that after a reconnect it resumes exactly after the last event seen.
   */
  resumeWith?(data: Data): Variables;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Closes that connecting again with the same token cannot cure: 4401 (the token expired or is
 * not valid), 4403 (refused), 4400 (a malformed connection message).
 */
const SESSION_REFUSED = new Set([4400, 4401, 4403]);

const refusalOf = (event: unknown): { readonly code: number; readonly reason: string } | undefined => {
  const close = event as { code?: unknown; reason?: unknown } | null;
  return close !== null && typeof close === 'object' && typeof close.code === 'number' && SESSION_REFUSED.has(close.code)
    ? { code: close.code, reason: typeof close.reason === 'string' ? close.reason : '' }
    : undefined;
};

/**
 * One graphql-ws connection to /graphql on the same origin for the whole dashboard, with the
 * bearer token in `connectionParams` (the server reads `authorization` there). It reconnects for
 * ever with a capped backoff, and every subscription resubscribes with its latest variables.
 */
export class LiveConnection {
  private readonly client: Client;
  private status: LiveStatus = 'connecting';
  private everConnected = false;
  private disposed = false;
  /** The server refused this connection's token: nothing reconnects or resubscribes any more. */
  private refused = false;
  private readonly listeners = new Set<(status: LiveStatus) => void>();

  /** `onRefused`: the server refused the token (it expired): the session should end. */
  constructor(token: string | undefined, onRefused?: (reason: string) => void) {
    this.client = createClient({
      url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      // A refused connection is handled by `closed` below; graphql-ws would also log it as an error.
      onNonLazyError: () => undefined,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (event) => refusalOf(event) === undefined,
      retryWait: (retries) => wait(Math.min(8_000, 1_000 * 2 ** retries) + Math.random() * 400),
      on: {
        connecting: () => this.setStatus(this.everConnected ? 'reconnecting' : 'connecting'),
        connected: () => {
          this.everConnected = true;
          this.setStatus('live');
        },
        closed: (event) => {
          const refusal = refusalOf(event);
          if (refusal !== undefined && !this.refused) {
            this.refused = true;
            onRefused?.(refusal.reason);
          }
          if (!this.disposed && !this.refused) this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
        },
      },
    });
  }

  currentStatus(): LiveStatus {
    return this.status;
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a subscription; the returned function ends it. */
  subscribe<Data>(query: string, variables: Variables, handlers: LiveHandlers<Data>): () => void {
    // graphql-ws sends this same payload object again whenever it reconnects, so updating its
    // variables here is what makes a resubscription resume from the latest cursor.
    const payload: { query: string; variables: Record<string, unknown> } = { query, variables: { ...variables } };
    let stopped = false;
    let unsubscribe: () => void = () => undefined;
    const start = (): void => {
      unsubscribe = this.client.subscribe<Data>(payload, {
        next: (result: FormattedExecutionResult<Data>) => {
          const first = result.errors?.[0];
          if (first) {
            handlers.error?.(new ApiError(first.message, (first.extensions?.['code'] as string | undefined) ?? undefined, 200));
            return;
          }
          if (result.data === undefined || result.data === null) return;
          if (handlers.resumeWith) Object.assign(payload.variables, handlers.resumeWith(result.data));
          handlers.next(result.data);
        },
        error: (error: unknown) => {
          if (Array.isArray(error)) {
            const first = error[0] as { message?: string; extensions?: { code?: string } } | undefined;
            handlers.error?.(new ApiError(first?.message ?? 'La suscripción fue rechazada.', first?.extensions?.code, 400));
            return;
          }
          // A close graphql-ws does not retry itself (e.g. 4429 when this tab fell behind): start
          // again after a pause, from the latest variables.
          if (!stopped && !this.disposed && !this.refused) setTimeout(() => !stopped && !this.disposed && !this.refused && start(), 2_000);
        },
        complete: () => undefined,
      });
    };
    start();
    return () => {
      stopped = true;
      unsubscribe();
    };
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    void this.client.dispose();
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
