import { ENTITY_PROFILE_COMMAND_TYPES, parseEntityProfileCommand } from '../../src/entities/parseEntityProfileCommand';
import { InvalidInputError, type InputIssue } from '../../src/shared/errors';

const issuesOf = (type: string, entityCode: unknown, data: unknown): readonly InputIssue[] => {
  try {
    parseEntityProfileCommand(type, entityCode, data);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error(`${type} was accepted`);
};
const rulesOf = (type: string, entityCode: unknown, data: unknown) => issuesOf(type, entityCode, data).map(({ path, rule }) => ({ path, rule }));

const progress = { objective: 'training', level: 'in-progress', recordedOn: '2025-03-01' };

describe('parseEntityProfileCommand', () => {
  describe('accepts a valid command of every type', () => {
    it.each([
      ['RecordObjectiveProgress', '14', { ...progress, note: 'Diplomado con la SRE' }],
      ['JoinCityNetwork', '14039', { networkId: 'uclg', joinedOn: '2019-05-01', note: 'Miembro pleno' }],
      ['LeaveCityNetwork', '09', { networkId: 'c40', leftOn: '2024-12-31', reason: 'Fin de la membresía' }],
      // A network the catalogue does not know is decide's to refuse (UNKNOWN_NETWORK), not the parser's.
      ['LeaveCityNetwork', '09', { networkId: 'retired-network', leftOn: '2024-12-31' }],
    ])('%s for %s', (type, entityCode, data) => {
      expect(parseEntityProfileCommand(type, entityCode, data)).toEqual({ type, entityCode, data });
    });

    it('covers every command type', () => {
      expect([...ENTITY_PROFILE_COMMAND_TYPES].sort()).toEqual(['JoinCityNetwork', 'LeaveCityNetwork', 'RecordObjectiveProgress']);
    });
  });

  it('trims text and leaves blank optional fields out', () => {
    const command = parseEntityProfileCommand('JoinCityNetwork', '14039', { networkId: ' uclg ', joinedOn: '2019-05-01', note: '  ' });
    expect(command).toEqual({ type: 'JoinCityNetwork', entityCode: '14039', data: { networkId: 'uclg', joinedOn: '2019-05-01' } });
  });

  it.each([
    ['unknown command type', 'DissolveEntity', '14', progress, 'type', 'not-in-vocabulary'],
    ['state code out of range', 'RecordObjectiveProgress', '33', progress, 'entityCode', 'state-code-range'],
    ['state code as a number', 'RecordObjectiveProgress', 9, progress, 'entityCode', 'state-code-not-text'],
    ['four digits', 'RecordObjectiveProgress', '1403', progress, 'entityCode', 'municipality-code-format'],
    ['municipality 000', 'RecordObjectiveProgress', '14000', progress, 'entityCode', 'municipality-code-zero'],
    ['data not an object', 'RecordObjectiveProgress', '14', 'training', 'data', 'not-an-object'],
    ['unknown objective', 'RecordObjectiveProgress', '14', { ...progress, objective: 'tourism' }, 'data.objective', 'not-in-vocabulary'],
    ['unknown level', 'RecordObjectiveProgress', '14', { ...progress, level: 'done' }, 'data.level', 'not-in-vocabulary'],
    ['malformed date', 'RecordObjectiveProgress', '14', { ...progress, recordedOn: '01/03/2025' }, 'data.recordedOn', 'legal-date-format'],
    ['missing network', 'JoinCityNetwork', '14', { joinedOn: '2019-05-01' }, 'data.networkId', 'required'],
    ['network id over 100', 'JoinCityNetwork', '14', { networkId: 'n'.repeat(101), joinedOn: '2019-05-01' }, 'data.networkId', 'too-long'],
    ['a field of joining when leaving', 'LeaveCityNetwork', '14', { networkId: 'uclg', leftOn: '2024-01-01', note: 'x' }, 'data.note', 'unknown-field'],
  ])('refuses %s', (_name, type, entityCode, data, path, rule) => {
    expect(rulesOf(type, entityCode, data)).toContainEqual({ path, rule });
  });

  it('reports every issue of one input together', () => {
    expect(rulesOf('RecordObjectiveProgress', '99', { objective: 'training', level: 'almost', recordedOn: '2025-02-30', notes: 'x' })).toEqual([
      { path: 'entityCode', rule: 'state-code-range' },
      { path: 'data.level', rule: 'not-in-vocabulary' },
      { path: 'data.recordedOn', rule: 'legal-date-invalid' },
      { path: 'data.notes', rule: 'unknown-field' },
    ]);
  });
});
