import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Limits on what one operation may ask for; the same over HTTP and WebSocket. */
export const OPERATION_LIMITS = {
  /** Tokens in one document (parser limit: a huge query is refused before it is parsed whole). */
  maxTokens: 4_000,
  maxDepth: 12,
  maxAliases: 20,
  /** Items × fields, with page sizes taken from variables as well as literals. */
  maxCost: 20_000,
  /** Largest page of a connection (`first`/`last`). */
  maxPageSize: 100,
  /** HTTP request body. */
  maxBodyBytes: 64 * 1024,
  /** One WebSocket message. */
  maxWebSocketPayloadBytes: 64 * 1024,
} as const;

/**
 * Armor's rules throw out of validation when told to "propagate" (a 500 under Apollo, a closed
 * socket under graphql-ws); reporting through the validation context makes them ordinary
 * validation errors (400) on both transports.
 */
const reportAsValidationError = (context: ValidationContext | null, error: GraphQLError): void =>
  context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} Simplify the operation.`));

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [reportAsValidationError] }) as unknown as ValidationRule,
  maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, propagateOnRejection: false, onReject: [reportAsValidationError] }) as unknown as ValidationRule,
];

/** A connection costs its page size times what each item costs: `first: $n` counts at its value. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args['first'] === 'number' ? args['first'] : typeof args['last'] === 'number' ? args['last'] : undefined;
  return size === undefined ? undefined : 1 + size * Math.max(childComplexity, 1);
};

const variablesIn = (node: ASTNode, into: Set<string>): void => {
  visit(node, { Variable: (variable) => void into.add(variable.name.value) });
};

/**
 * The variables a document's cost can depend on: those in page sizes (`first`, `last`, the only
 * arguments connectionEstimator reads) and in directives (`@include(if: $x)` adds or drops fields).
 */
const costVariablesOf = (document: DocumentNode): readonly string[] => {
  const names = new Set<string>();
  visit(document, {
    Argument: (argument) => {
      if (argument.name.value === 'first' || argument.name.value === 'last') variablesIn(argument.value, names);
    },
    Directive: (directive) => variablesIn(directive, names),
  });
  return [...names].sort();
};

/**
 * Affordable costs already computed, per document (Apollo hands the same parsed document to every
 * request with the same text) and per operation name and values of its cost variables: computing
 * a cost walks the whole operation against the schema, dearer than executing a small query.
 * Only costs within the limit are kept, so a refusal is always computed (and worded) afresh.
 */
const affordable = new WeakMap<DocumentNode, { readonly variables: readonly string[]; readonly costs: Map<string, number> }>();
const COSTS_PER_DOCUMENT = 64;

/**
 * Computed once the operation and its variables are known (validation rules cannot see
 * variables, so this runs after them).
 */
export const assertAffordable = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): void => {
  let known = affordable.get(document);
  if (known === undefined) affordable.set(document, (known = { variables: costVariablesOf(document), costs: new Map() }));
  // A value given is wrapped, one left out is not: `$n: Int = 50` left out costs 50, given null it does not.
  const key = JSON.stringify([operationName ?? null, known.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []))]);
  if (known.costs.has(key)) return;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      ...(operationName ? { operationName } : {}),
      estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Variables that do not coerce (a malformed Date or Position): nothing will execute, and
    // execution reports them as BAD_USER_INPUT with a 400. Thrown from here they would be a 500.
    if (error instanceof GraphQLError) return;
    throw error;
  }
  if (cost > OPERATION_LIMITS.maxCost) {
    throw new GraphQLError(
      `This operation would cost ${cost} (items × fields); the limit is ${OPERATION_LIMITS.maxCost}. Ask for smaller pages or fewer fields.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: OPERATION_LIMITS.maxCost, http: { status: 400 } } },
    );
  }
  if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.delete(known.costs.keys().next().value as string);
  known.costs.set(key, cost);
};
