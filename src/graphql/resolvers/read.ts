import type { Resolvers } from '../generated/schemaTypes';
import { agreementDetailResolvers } from './agreementDetail';
import { agreementHistoryResolvers } from './agreementHistory';
import { agreementQueryResolvers } from './agreements';
import { auditResolvers } from './audit';
import { counterpartResolvers } from './counterparts';
import { entityResolvers } from './entities';
import { integrityResolvers } from './integrity';
import { policyResolvers } from './policy';
import { readEnumResolvers } from './readEnums';
import { referenceResolvers } from './reference';
import { registryAsOfResolvers } from './registryAsOf';
import { statisticsResolvers } from './statistics';
import { timelineResolvers } from './timeline';

/** The read side (queries over every read model), one map per capability; merged by index.ts. */
export const readResolvers: readonly Resolvers[] = [
  readEnumResolvers,
  agreementQueryResolvers,
  agreementDetailResolvers,
  agreementHistoryResolvers,
  auditResolvers,
  statisticsResolvers,
  registryAsOfResolvers,
  policyResolvers,
  entityResolvers,
  counterpartResolvers,
  timelineResolvers,
  referenceResolvers,
  integrityResolvers,
];
