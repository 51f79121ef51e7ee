import type { JsonObject } from '../eventStore/json';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';

/**
 * Schema history of agreement events.
 * - CooperationMilestoneRecorded v1 (first pilot import) kept an amount as `amountMxn`, a number
 *   of pesos; v2 keeps any currency as `amount: { value, currency }` with the value as decimal text.
 */
export const agreementUpcasters: UpcasterRegistry = {
  current: { CooperationMilestoneRecorded: 2 },
  steps: {
    'CooperationMilestoneRecorded@1': (data: JsonObject): JsonObject => {
      const { amountMxn, ...rest } = data;
      return typeof amountMxn === 'number' ? { ...rest, amount: { value: amountMxn.toFixed(2), currency: 'MXN' } } : rest;
    },
  },
};
