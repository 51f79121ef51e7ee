import { agreementsProjection } from '../../projections/agreements';
import { auditFindingsProjection } from '../../projections/auditFindings';
import { counterpartsProjection } from '../../projections/counterparts';
import { entitiesProjection } from '../../projections/entities';
import { policyProjection } from '../../projections/policy';
import { timelineProjection } from '../../projections/timeline';
import type { Projection } from '../projectionRunner/projection';

/** Every read model the service keeps, in the order the runner feeds them. */
export const registryProjections: readonly Projection<unknown>[] = [
  policyProjection,
  agreementsProjection,
  entitiesProjection,
  counterpartsProjection,
  timelineProjection,
  auditFindingsProjection,
];
