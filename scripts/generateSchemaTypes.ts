/**
 * Generates src/graphql/generated/schemaTypes.ts: TypeScript types of the SDL in schema/*.graphql,
 * and the `Resolvers` types every resolver map is checked against. Usage: npm run codegen -- --help
 *
 * The programmatic `generate` of @graphql-codegen/cli with the configuration below, rather than a
 * codegen.yml at the top level. Run by tsx only: the CLI loads ES modules that jest cannot, so the
 * staleness test (test/graphql/generated) runs this script with --check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { runCommand } from '../src/cli/command';

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_TYPES_FILE = path.join(ROOT, 'src/graphql/generated/schemaTypes.ts');

const HEADER = `/*
 * GENERATED from schema/*.graphql by scripts/generateSchemaTypes.ts: do not edit.
 * Regenerate after changing the SDL with \`npm run codegen\`; a unit test fails while this file is stale.
 */
`;

// Paths as written in the generated file's imports, relative to src/graphql/generated/; a type
// named like a schema type is imported `as` another name.
const projections = (file: string, type: string): string => `../../../projections/${file}#${type}`;
const src = (file: string, type: string): string => `../../${file}#${type}`;
const graphql = (file: string, type: string): string => `../${file}#${type}`;

/**
 * What each object type's resolvers really receive as parent, where it is not the SDL's own shape
 * (fields computed by resolvers, read-model records with other field types). Types left out are
 * returned in the SDL's shape, and what resolvers return for them is checked field by field. The
 * limit of a mapper: the fields of a mapped type left to the default resolver (read off the parent
 * by name) are not checked against the parent type, so the e2e tests still cover them.
 */
const MAPPERS: Readonly<Record<string, string>> = {
  Agreement: projections('agreements', 'AgreementView'),
  Party: projections('agreements', 'PartyView'),
  AgreementCounterpart: projections('agreements', 'CounterpartView'),
  Signature: projections('agreements', 'SignatureView'),
  HistoryEvent: graphql('visibility', 'VisibleHistoryEntry'),
  AuditFinding: graphql('resolvers/audit', 'FindingParent'),
  Counterpart: projections('counterparts', 'CounterpartEntry'),
  CounterpartCountry: graphql('resolvers/counterparts', 'CountryParent'),
  Entity: graphql('parents', 'EntityParent'),
  NetworkMembership: projections('entities', 'MembershipView'),
  PastNetworkMembership: projections('entities', 'MembershipView'),
  PolicyVersion: projections('policy', 'PolicyVersionRecord'),
  PolicyRegion: src('policy/policyTypes', 'PolicyRegion as PolicyRegionRecord'),
  RegistrySnapshot: graphql('readModels', 'PastRegistry'),
  InForceReport: graphql('resolvers/statistics', 'InForceParent'),
  RegistryEventNotice: graphql('live/registryEventStream', 'DeliveredEvent'),
  TimelineEntry: projections('timeline', 'TimelineEntry as TimelineEntryRecord'),
  AgreementCommandPayload: graphql('resolvers/mutationsAgreements', 'AgreementPayload'),
  EntityProfileCommandPayload: graphql('resolvers/mutationsEntities', 'EntityProfilePayload'),
  PolicyCommandPayload: graphql('resolvers/mutationsPolicy', 'PolicyPayload'),
  IntegrityReport: src('eventSourcing/hashChain', 'ChainScan'),
  ChainBreak: src('eventSourcing/hashChain', 'ChainBreak as ChainBreakRecord'),
};

/**
 * Enums whose resolvers set internal values (resolvers/enums.ts, resolvers/readEnums.ts): in
 * TypeScript they are the domain's string unions, which is what resolvers return and receive.
 */
const ENUM_VALUES: Readonly<Record<string, string>> = {
  AgreementKind: src('agreements/agreementTypes', 'AgreementKind'),
  AgreementStatus: projections('agreements', 'AgreementStatus'),
  CounterpartKind: src('agreements/agreementTypes', 'CounterpartKind'),
  PrivateSector: src('agreements/agreementTypes', 'PrivateSector'),
  OpinionOutcome: src('agreements/agreementTypes', 'OpinionOutcome'),
  ApprovalBody: src('agreements/agreementTypes', 'ApprovalBody'),
  ForceMode: src('agreements/agreementTypes', 'ForceMode'),
  MilestoneKind: src('agreements/agreementTypes', 'MilestoneKind'),
  TerminationCause: src('agreements/agreementTypes', 'TerminationCause'),
  RenewalMode: src('agreements/agreementTypes', 'RenewalMode'),
  Severity: src('audit/types', 'Severity'),
  AuditRule: src('audit/types', 'AuditRuleCode'),
  ProgressLevel: src('entities/entityProfileTypes', 'ProgressLevel'),
  StrategyObjective: src('policy/policyTypes', 'StrategyObjectiveId'),
  PartyLevel: graphql('resolvers/enums', 'PartyLevel'),
  SignatorySide: graphql('resolvers/enums', 'SignatorySide'),
  AgreementSortField: src('queries/agreementQueries', 'AgreementSortField'),
  AgreementEventType: src('agreements/agreementEvents', 'AgreementEventType'),
  EndDateSource: projections('agreements', 'EndDateSource'),
  VisibilityScope: graphql('resolvers/readEnums', 'VisibilityScope'),
  ChainBreakReason: src('eventSourcing/hashChain', 'ChainBreakReason'),
};

/** What the custom scalars (src/graphql/scalars.ts) parse inputs into and serialise outputs from. */
const SCALARS = {
  Date: { input: src('shared/time', 'LegalDate'), output: src('shared/time', 'LegalDate') },
  DateTime: { input: src('shared/time', 'Instant'), output: src('shared/time', 'Instant') },
  Position: { input: 'bigint', output: 'bigint' },
  // Output only: its parseValue refuses every input.
  JSON: { input: 'never', output: 'unknown' },
};

/** The first line where the committed file and the generated text differ, to say what is stale. */
const firstDifference = (committed: string, generated: string): string | null => {
  if (committed === generated) return null;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const at = a.findIndex((line, index) => line !== b[index]);
  const line = at === -1 ? a.length : at;
  return `line ${line + 1}: committed ${JSON.stringify(a[line] ?? '<end of file>')}, generated ${JSON.stringify(b[line] ?? '<end of file>')}`;
};

const CONFIG = {
  useTypeImports: true,
  enumsAsTypes: true,
  immutableTypes: true,
  // A new custom scalar without an entry in SCALARS fails the generation instead of being `any`.
  strictScalars: true,
  scalars: SCALARS,
  enumValues: ENUM_VALUES,
  mappers: MAPPERS,
  contextType: graphql('context', 'RegistryContext'),
  // graphql-js resolves an absent or undefined field to null (read-model views keep unknown facts
  // as `undefined`), and omits arguments the client did not give, but always passes defaults.
  maybeValue: 'T | null | undefined',
  inputMaybeValue: 'T | null',
  avoidOptionals: { field: false, inputValue: false, object: false, defaultValue: true },
};

/** The generated file's text, from the SDL files of `schemaDirectory`. */
const generateSchemaTypes = async (schemaDirectory: string): Promise<string> => {
  const [output] = await generate(
    {
      cwd: ROOT,
      silent: true,
      schema: path.join(schemaDirectory, '*.graphql'),
      generates: {
        [SCHEMA_TYPES_FILE]: { plugins: [{ add: { content: HEADER } }, 'typescript', 'typescript-resolvers'], config: CONFIG },
      },
    },
    false,
  );
  if (output === undefined) throw new Error('graphql-codegen produced no output.');
  return output.content;
};

runCommand(
  {
    usage: 'npm run codegen -- [--check] [--schema DIR]',
    description: `Writes ${path.relative(ROOT, SCHEMA_TYPES_FILE)} from schema/*.graphql: the schema's types and the Resolvers types every resolver map is checked against.`,
    options: {
      check: { type: 'boolean', description: 'write nothing; exit 1 if the committed file is not what the SDL generates' },
      schema: { type: 'string', valueName: 'DIR', description: 'read the SDL from DIR instead of schema/' },
    },
  },
  async ({ values }) => {
    const generated = await generateSchemaTypes(path.resolve(values.schema ?? path.join(ROOT, 'schema')));
    const relative = path.relative(ROOT, SCHEMA_TYPES_FILE);
    if (values.check) {
      const committed = fs.existsSync(SCHEMA_TYPES_FILE) ? fs.readFileSync(SCHEMA_TYPES_FILE, 'utf8') : '';
      const difference = firstDifference(committed, generated);
      if (difference !== null) throw new Error(`${relative} is stale (${difference}): run npm run codegen.`);
      console.log(`${relative} is up to date.`);
      return;
    }
    fs.mkdirSync(path.dirname(SCHEMA_TYPES_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_TYPES_FILE, generated);
    console.log(`Wrote ${relative}.`);
  },
);
