import type { ApolloServerPlugin } from '@apollo/server';
import type { RegistryContext } from './context';

/** What the `consistentWith` waits of one request came to; reported in `extensions.consistency`. */
export interface ConsistencyRecord {
  /** Highest position asked for. */
  requested: bigint | null;
  /**
   * False when any wait timed out, or a read model had stopped at or before the position (a
   * projection failure, shown by /readyz): the answer may not show what was written there.
   */
  reached: boolean;
}

export const newConsistencyRecord = (): ConsistencyRecord => ({ requested: null, reached: true });

/**
 * Read-your-writes: waits (bounded by readYourWritesTimeoutMs) until the read models have applied
 * `position`, then lets the query read. A timeout is not an error: the query answers with what has
 * been applied and the response says so (see consistencyExtension).
 */
export const readAfter = async (context: RegistryContext, position: bigint | null | undefined): Promise<void> => {
  if (position === null || position === undefined) return;
  const { runner, readYourWritesTimeoutMs } = context.services;
  const reached = (await runner.waitFor(position, readYourWritesTimeoutMs)) && runner.hasApplied(position);
  const record = context.consistency;
  if (record.requested === null || position > record.requested) record.requested = position;
  if (!reached) record.reached = false;
};

/**
 * `extensions.consistency` of a response whose query passed `consistentWith`:
 * `{ requested, reached, position }` (position: what the read models had applied when answering).
 * Absent when no query asked, so ordinary responses are unchanged.
 */
export const consistencyExtension = (context: RegistryContext): Record<string, unknown> | undefined => {
  const record = context.consistency;
  if (record.requested === null) return undefined;
  return { requested: record.requested.toString(), reached: record.reached, position: context.services.runner.position?.toString() ?? null };
};

/** Adds `extensions.consistency` to HTTP responses (the WebSocket path does it in onNext). */
export const consistencyPlugin: ApolloServerPlugin<RegistryContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const extension = consistencyExtension(contextValue);
        if (extension === undefined || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...(result.extensions ?? {}), consistency: extension };
      },
    };
  },
};
