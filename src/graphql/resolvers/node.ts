import { policyVersionByNumber } from '../../../projections/policy';
import type { AgreementId } from '../../agreements/agreementTypes';
import { isEntityCode } from '../../queries/entityDirectory';
import type { RegistryContext } from '../context';
import type { ResolversParentTypes } from '../generated/schemaTypes';
import { fromGlobalId, type NodeType } from '../globalId';
import { liveReadView, visibleCounterparts } from '../readModels';
import { agreementAccess, assertMayReadFindings } from '../visibility';
import { countryParent } from './counterparts';

/**
 * `node(id:)`: any object by its global id, through the same access rules as its own root field;
 * null when it does not exist or the caller may not see it (so ids reveal nothing). A malformed id
 * is BAD_USER_INPUT.
 */
export const resolveNode = async (id: string, context: RegistryContext): Promise<ResolversParentTypes['Node'] | null> => {
  const { type, localId } = fromGlobalId(id);
  const registry = liveReadView(context);
  switch (type) {
    case 'Agreement': {
      const view = await context.loaders.agreement.load(localId);
      return view === null || agreementAccess(context.viewer, view) === 'none' ? null : view;
    }
    case 'Entity':
      return isEntityCode(localId) ? context.loaders.entity.load(localId) : null;
    case 'Counterpart':
      return visibleCounterparts(registry, context.viewer).counterparts.get(localId) ?? null;
    case 'CounterpartCountry':
      return countryParent(visibleCounterparts(registry, context.viewer), localId);
    case 'PolicyVersion':
      return /^\d+$/.test(localId) ? (policyVersionByNumber(registry.policy, Number(localId)) ?? null) : null;
    case 'AuditFinding': {
      assertMayReadFindings(context.viewer);
      // Finding ids start with their agreement's id: agreementId:RULE_CODE[:occurrence].
      const view = await context.loaders.agreement.load(localId.slice(0, localId.indexOf(':')) as AgreementId);
      if (view === null || agreementAccess(context.viewer, view) !== 'full') return null;
      const finding = (await context.loaders.findings.load(view.id)).find((candidate) => candidate.findingId === localId);
      return finding === undefined ? null : { __typename: 'AuditFinding', finding, registry };
    }
    default: {
      const unknown: never = type;
      throw new Error(`No node resolver for ${String(unknown)}`);
    }
  }
};

/**
 * The type of a `Node` parent. Agreements are the read model's views (so any resolver, mutation
 * payloads included, can return one); the other types' parents carry `__typename`, except
 * counterparts and policy versions, which are the read models' own records.
 */
export const nodeTypeOf = (parent: unknown): NodeType | null => {
  if (parent === null || typeof parent !== 'object') return null;
  const typename = (parent as { __typename?: unknown }).__typename;
  if (typeof typename === 'string') return typename as NodeType;
  if ('titleKey' in parent && 'streamName' in parent) return 'Agreement';
  if ('nameKey' in parent && 'agreements' in parent) return 'Counterpart';
  if ('effectiveFrom' in parent && 'priorityRegions' in parent) return 'PolicyVersion';
  return null;
};
