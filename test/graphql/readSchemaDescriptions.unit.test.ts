import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit, type ASTNode } from 'graphql';
import { buildRegistrySchema, SCHEMA_DIRECTORY } from '../../src/graphql/schema';

/** The read side's SDL (plus the shared base and enums): every definition, field, argument and value is described. */
const READ_FILES = ['base', 'enums', 'agreements', 'agreementHistory', 'audit', 'counterparts', 'entities', 'policy', 'reference', 'registryAsOf', 'statistics', 'timeline'];

const DESCRIBED_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.FIELD_DEFINITION,
  Kind.INPUT_VALUE_DEFINITION,
  Kind.ENUM_VALUE_DEFINITION,
]);

const undescribed = (file: string): string[] => {
  const missing: string[] = [];
  const names: string[] = [];
  visit(parse(fs.readFileSync(path.join(SCHEMA_DIRECTORY, `${file}.graphql`), 'utf8')), {
    enter(node: ASTNode) {
      const name = 'name' in node && node.name?.kind === Kind.NAME ? node.name.value : undefined;
      if (DESCRIBED_KINDS.has(node.kind) || node.kind === Kind.OBJECT_TYPE_EXTENSION) names.push(name ?? '?');
      if (DESCRIBED_KINDS.has(node.kind) && !('description' in node && node.description?.value.trim())) missing.push(`${file}: ${names.join('.')}`);
    },
    leave(node: ASTNode) {
      if (DESCRIBED_KINDS.has(node.kind) || node.kind === Kind.OBJECT_TYPE_EXTENSION) names.pop();
    },
  });
  return missing;
};

describe('the read side schema', () => {
  it('builds, with every read capability loaded', () => {
    const schema = buildRegistrySchema();
    const query = schema.getQueryType()?.getFields() ?? {};
    for (const field of ['agreement', 'agreements', 'registryAsOf', 'inForceOn', 'statistics', 'auditFindings', 'auditSummary', 'policyVersions', 'policyInForceOn', 'entity', 'entities', 'counterparts', 'country', 'timeline', 'states', 'municipalities', 'countries', 'subdivisions', 'organisations', 'networks', 'themes', 'sdgs', 'currencies', 'languages']) {
      expect(query[field]).toBeDefined();
      // Read-your-writes on every root query.
      expect(query[field]?.args.map((arg) => arg.name)).toContain('consistentWith');
    }
  });

  it.each(READ_FILES)('describes every type, field, argument and enum value of %s.graphql', (file) => {
    expect(undescribed(file)).toEqual([]);
  });
});
