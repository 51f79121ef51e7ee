import { fromGlobalId, localIdOf, toGlobalId } from '../../src/graphql/globalId';
import { InvalidInputError } from '../../src/shared/errors';

describe('global ids', () => {
  it('round-trip a type and a local id', () => {
    expect(fromGlobalId(toGlobalId('Agreement', 'a-1'))).toEqual({ type: 'Agreement', localId: 'a-1' });
  });

  it('accept a local id or the global id of the kind an argument names', () => {
    expect(localIdOf('Entity', '14039', 'entity')).toBe('14039');
    expect(localIdOf('Entity', toGlobalId('Entity', '14039'), 'entity')).toBe('14039');
  });

  it('refuse the global id of another kind, naming both kinds with their article', () => {
    const thrown = (() => {
      try {
        localIdOf('Agreement', toGlobalId('Entity', '14'), 'id');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).issues).toEqual([
      { path: 'id', rule: 'global-id-type', message: expect.stringMatching(/is the id of an Entity, not of an Agreement\.$/) },
    ]);
    expect(() => localIdOf('Entity', toGlobalId('PolicyVersion', '2'), 'entity')).toThrow(/the id of a PolicyVersion, not of an Entity\./);
  });
});
