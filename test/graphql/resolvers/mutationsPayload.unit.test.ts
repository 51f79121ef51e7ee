import type { GraphQLResolveInfo } from 'graphql';
import type { RegistryContext } from '../../../src/graphql/context';
import { agreementMutationResolvers } from '../../../src/graphql/resolvers/mutationsAgreements';
import { entityMutationResolvers } from '../../../src/graphql/resolvers/mutationsEntities';
import { policyMutationResolvers } from '../../../src/graphql/resolvers/mutationsPolicy';

/** A context whose read models never reach the write: only what the payload resolvers touch first. */
const behind = { services: { runner: { waitFor: async () => false }, readYourWritesTimeoutMs: 10 } } as unknown as RegistryContext;
const payload = { revision: '3', position: 42n, replayed: false, events: [] };
const info = {} as GraphQLResolveInfo;
type Field = (parent: unknown, args: unknown, context: RegistryContext, info: GraphQLResolveInfo) => unknown;
const field = (resolvers: unknown, type: string, name: string) => (resolvers as Record<string, Record<string, Field>>)[type]![name]!;

describe("a command payload's object when the read models did not catch up in time", () => {
  it.each([
    ['AgreementCommandPayload.agreement', field(agreementMutationResolvers, 'AgreementCommandPayload', 'agreement'), { ...payload, agreementId: 'a' }],
    ['EntityProfileCommandPayload.entity', field(entityMutationResolvers, 'EntityProfileCommandPayload', 'entity'), { ...payload, entityCode: '14' }],
    ['PolicyCommandPayload.policyVersion', field(policyMutationResolvers, 'PolicyCommandPayload', 'policyVersion'), { ...payload, version: 2 }],
  ])('%s is null, not the state before the write', async (_name, resolve, parent) => {
    await expect(resolve(parent, {}, behind, info)).resolves.toBeNull();
  });
});
