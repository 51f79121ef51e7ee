import { agreementStreamName } from '../../agreements/agreementTypes';
import { scanChains, type ChainBreakReason } from '../../eventSourcing/hashChain';
import type { Resolvers } from '../generated/schemaTypes';
import { assertMayVerifyRegistry } from '../visibility';
import { rootQuery } from './query';

const REASONS = ['hash-missing', 'hash-mismatch', 'previous-hash-mismatch'] as const satisfies readonly ChainBreakReason[];

/**
 * Integrity checks read the store itself, not the read models: a projection is derived from the
 * events, so only the events can show that an event was altered after it was recorded.
 */
export const integrityResolvers: Resolvers = {
  ChainBreakReason: Object.fromEntries(REASONS.map((reason) => [reason.replace(/-/g, '_').toUpperCase(), reason])),
  Query: {
    registryIntegrity: rootQuery((_args, context) => {
      assertMayVerifyRegistry(context.viewer);
      return scanChains(context.services.commands.store.readAll());
    }),
  },
  Agreement: {
    // Whoever may see the agreement may check it: the report names events, never their content.
    integrity: (view, _args, context) => scanChains(context.services.commands.store.readStream(agreementStreamName(view.id))),
  },
  IntegrityReport: {
    intact: (scan) => scan.breaks.length === 0,
  },
  ChainBreak: {
    stream: (entry) => entry.streamName,
    revision: (entry) => entry.revision.toString(),
  },
};
