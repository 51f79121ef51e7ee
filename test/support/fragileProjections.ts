import { registryProjections } from '../../src/app/projections';
import type { Projection } from '../../src/projectionRunner/projection';

/** Throws at the first signature after its 1,000th event: stands for a projection with a bug. */
const fragile: Projection<{ applied: number }> = {
  name: 'fragile',
  version: 1,
  create: () => ({ applied: 0 }),
  apply: (model, { event }) => {
    if (model.applied >= 1_000 && event.type === 'AgreementSigned') throw new Error('cannot read property signedOn');
    model.applied++;
  },
};

/** The registry's projections and one that fails: loaded by module path in rebuild threads. */
export const withFragileProjection: readonly Projection<unknown>[] = [...registryProjections, fragile as Projection<unknown>];
