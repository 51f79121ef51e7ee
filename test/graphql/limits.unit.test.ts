import { GraphQLError, parse } from 'graphql';
import { assertAffordable } from '../../src/graphql/limits';
import { buildRegistrySchema } from '../../src/graphql/schema';

/*
 * Costs are remembered per document and values of the variables they depend on: asking again
 * with other page sizes or directive variables must still be priced, and refused when too dear.
 */
describe('assertAffordable', () => {
  const schema = buildRegistrySchema();
  const tooComplex = (document: ReturnType<typeof parse>, variables: Record<string, unknown>, operationName?: string): string | undefined => {
    try {
      assertAffordable(schema, document, variables, operationName);
      return undefined;
    } catch (error) {
      return error instanceof GraphQLError ? String(error.extensions['code']) : 'other';
    }
  };
  const wide = (size: string) => `agreements(first: ${size}) { edges { node { title parties { entity { agreements(first: ${size}) { edges { node { title } } } } } } } }`;

  it('prices every page size given as a variable, however often the document is asked', () => {
    const document = parse(`query Wide($n: Int, $id: ID!) { ${wide('$n')} agreement(id: $id) { title } }`);
    for (let round = 0; round < 3; round += 1) {
      expect(tooComplex(document, { n: 5, id: `a${round}` })).toBeUndefined();
      expect(tooComplex(document, { n: 100, id: `b${round}` })).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('prices fields a directive variable includes', () => {
    const document = parse(`query Maybe($all: Boolean!) { registryStatus { today } ... @include(if: $all) { ${wide('100')} } }`);
    expect(tooComplex(document, { all: false })).toBeUndefined();
    expect(tooComplex(document, { all: true })).toBe('QUERY_TOO_COMPLEX');
    expect(tooComplex(document, { all: false })).toBeUndefined();
  });

  it('tells a page size left out (its default) from one given as null', () => {
    const document = parse(`query Default($n: Int = 100) { ${wide('$n')} }`);
    expect(tooComplex(document, { n: null })).toBeUndefined();
    expect(tooComplex(document, {})).toBe('QUERY_TOO_COMPLEX');
    expect(tooComplex(document, { n: null })).toBeUndefined();
  });

  it('prices each operation of a document by its name', () => {
    const document = parse(`query Small { registryStatus { today } } query Big { ${wide('100')} }`);
    expect(tooComplex(document, {}, 'Small')).toBeUndefined();
    expect(tooComplex(document, {}, 'Big')).toBe('QUERY_TOO_COMPLEX');
    expect(tooComplex(document, {}, 'Small')).toBeUndefined();
  });
});
