import type { RegistryContext } from '../context';
import { readAfter } from '../readYourWrites';

/** Arguments every root query field takes. */
export interface ConsistentArgs {
  readonly consistentWith?: bigint | null;
}

/**
 * A root query field: waits for `consistentWith` (bounded, see readYourWrites) before reading, so
 * that no query can forget read-your-writes. Used where `QueryResolvers` types the field, `Args`
 * and `Result` are inferred from the SDL.
 */
export const rootQuery =
  <Args extends ConsistentArgs, Result>(resolve: (args: Args, context: RegistryContext) => Result | Promise<Result>) =>
  async (_parent: unknown, args: Args, context: RegistryContext): Promise<Result> => {
    await readAfter(context, args.consistentWith);
    return resolve(args, context);
  };
