import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import type { Maybe } from 'graphql/jsutils/Maybe';
import type { ObjMap } from 'graphql/jsutils/ObjMap';
import { InvalidInputError, RegistryError } from '../shared/errors';
import { describeGiven } from '../shared/inputReader';
import { parseInstant, parseLegalDate } from '../shared/time';

/** Turns a boundary parser's error into the error graphql-js reports for a bad literal or variable. */
const parsing = <T>(name: string, parse: (raw: unknown) => T) => ({
  parseValue: (raw: unknown): T => {
    try {
      return parse(raw);
    } catch (error) {
      throw new GraphQLError(error instanceof RegistryError ? error.message : `Invalid ${name}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
  },
  // A literal of another kind (123, true, an enum) is handed over as its value, so the error says what was written.
  parseLiteral(node: ValueNode, variables?: Maybe<ObjMap<unknown>>): T {
    try {
      return this.parseValue(node.kind === Kind.STRING ? node.value : valueFromASTUntyped(node, variables));
    } catch (error) {
      // graphql-js reports a GraphQLError from a literal as it is: with the node, it says where.
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { nodes: node, extensions: error.extensions });
      throw error;
    }
  },
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => String(value),
  ...parsing('Date', (raw) => parseLegalDate(raw, 'Date')),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => String(value),
  ...parsing('DateTime', (raw) => parseInstant(raw, 'DateTime')),
});

export const PositionScalar = new GraphQLScalarType({
  name: 'Position',
  serialize: (value) => String(value),
  ...parsing('Position', (raw) => {
    if (typeof raw !== 'string' || !/^\d{1,20}$/.test(raw)) {
      throw InvalidInputError.of('Position', 'position-format', `must be a position of the event log written as a decimal string, e.g. "1234" (as a payload's \`position\` or an event's \`cursor\` gives it); got ${describeGiven(raw)}.`);
    }
    return BigInt(raw);
  }),
});

/** Event data as recorded; bigints (revisions, positions) are written as decimal strings. */
const toJson = (value: unknown): unknown =>
  typeof value === 'bigint'
    ? value.toString()
    : Array.isArray(value)
      ? value.map(toJson)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]))
        : value;

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: toJson,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type only.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar, Position: PositionScalar, JSON: JsonScalar };
