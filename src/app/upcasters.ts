import { agreementUpcasters } from '../agreements/agreementUpcasters';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';

/** Every event type's schema history; event type names are unique across the registry's modules. */
export const registryUpcasters: UpcasterRegistry = {
  current: { ...agreementUpcasters.current },
  steps: { ...agreementUpcasters.steps },
};
