import { POLICY_COMMAND_TYPES, parsePolicyCommand } from '../../src/policy/parsePolicyCommand';
import { SEED_POLICY_VERSION, seedPolicyCommand } from '../../src/policy/seedPolicy';
import { InvalidInputError, type InputIssue } from '../../src/shared/errors';

/** What a client sends: plain JSON, no brands. */
const raw = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const seedData = () => raw(seedPolicyCommand().data);
const version = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({ ...seedData(), effectiveFrom: '2026-01-01', ...overrides });

const issuesOf = (data: unknown, type = 'PublishPolicyVersion'): readonly InputIssue[] => {
  try {
    parsePolicyCommand(type, data);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error('the command was accepted');
};
const rulesOf = (data: unknown, type?: string) => issuesOf(data, type).map(({ path, rule }) => ({ path, rule }));

describe('parsePolicyCommand', () => {
  it('knows the one policy command', () => {
    expect(POLICY_COMMAND_TYPES).toEqual(['PublishPolicyVersion']);
  });

  it('reads the seed version exactly as the seed publishes it', () => {
    expect(parsePolicyCommand('PublishPolicyVersion', seedData())).toEqual(seedPolicyCommand());
  });

  it('trims text and defaults the optional lists to empty', () => {
    const { multilateralAgendas: _agendas, strategyObjectives: _objectives, ...rest } = version({ title: '  Política 2026  ' });
    const command = parsePolicyCommand('PublishPolicyVersion', rest);
    expect(command.data).toMatchObject({ title: 'Política 2026', multilateralAgendas: [], strategyObjectives: [] });
  });

  it('never reads a version number: the decider assigns it', () => {
    expect(rulesOf(version({ version: 7 }))).toEqual([{ path: 'data.version', rule: 'unknown-field' }]);
  });

  it.each([
    ['unknown command type', 'RetractPolicyVersion', version(), 'type', 'not-in-vocabulary'],
    ['data not an object', 'PublishPolicyVersion', [], 'data', 'not-an-object'],
    ['missing effective date', 'PublishPolicyVersion', version({ effectiveFrom: undefined }), 'data.effectiveFrom', 'required'],
    ['malformed effective date', 'PublishPolicyVersion', version({ effectiveFrom: '2026-13-01' }), 'data.effectiveFrom', 'legal-date-invalid'],
    ['blank title', 'PublishPolicyVersion', version({ title: ' ' }), 'data.title', 'required'],
    ['no priority region', 'PublishPolicyVersion', version({ priorityRegions: [] }), 'data.priorityRegions', 'too-few'],
    ['region id with capitals', 'PublishPolicyVersion', version({ priorityRegions: [{ id: 'EU', name: 'Unión Europea', countries: ['FR'] }] }), 'data.priorityRegions[0].id', 'id-format'],
    ['region with no country', 'PublishPolicyVersion', version({ priorityRegions: [{ id: 'eu', name: 'Unión Europea', countries: [] }] }), 'data.priorityRegions[0].countries', 'too-few'],
    ['country not ISO', 'PublishPolicyVersion', version({ priorityRegions: [{ id: 'eu', name: 'Unión Europea', countries: ['FR', 'FRA'] }] }), 'data.priorityRegions[0].countries[1]', 'country-code-format'],
    ['repeated country', 'PublishPolicyVersion', version({ priorityRegions: [{ id: 'eu', name: 'Unión Europea', countries: ['FR', 'FR'] }] }), 'data.priorityRegions[0].countries[1]', 'duplicate'],
    ['repeated region', 'PublishPolicyVersion', version({ priorityRegions: [{ id: 'eu', name: 'UE', countries: ['FR'] }, { id: 'eu', name: 'Unión Europea', countries: ['ES'] }] }), 'data.priorityRegions[1].id', 'duplicate'],
    ['no priority theme', 'PublishPolicyVersion', version({ priorityThemes: [] }), 'data.priorityThemes', 'too-few'],
    ['unknown theme', 'PublishPolicyVersion', version({ priorityThemes: ['climate', 'clima'] }), 'data.priorityThemes[1]', 'not-in-vocabulary'],
    ['repeated agenda', 'PublishPolicyVersion', version({ multilateralAgendas: [{ id: 'sdgs', name: 'ODS' }, { id: 'sdgs', name: 'Agenda 2030' }] }), 'data.multilateralAgendas[1].id', 'duplicate'],
    ['a seventh objective', 'PublishPolicyVersion', version({ strategyObjectives: [{ id: 'tourism', name: 'Turismo' }] }), 'data.strategyObjectives[0].id', 'not-in-vocabulary'],
    ['deadline of zero days', 'PublishPolicyVersion', version({ deadlines: { ...SEED_POLICY_VERSION.deadlines, registrationAfterSignatureDays: 0 } }), 'data.deadlines.registrationAfterSignatureDays', 'out-of-range'],
    ['dormancy not whole', 'PublishPolicyVersion', version({ deadlines: { ...SEED_POLICY_VERSION.deadlines, dormancyMonths: 1.5 } }), 'data.deadlines.dormancyMonths', 'not-an-integer'],
    ['opinion requirement as text', 'PublishPolicyVersion', version({ deadlines: { ...SEED_POLICY_VERSION.deadlines, opinionBeforeSignatureRequired: 'yes' } }), 'data.deadlines.opinionBeforeSignatureRequired', 'not-a-boolean'],
    ['missing deadlines', 'PublishPolicyVersion', version({ deadlines: undefined }), 'data.deadlines', 'required'],
  ])('refuses %s', (_name, type, data, path, rule) => {
    expect(rulesOf(data, type)).toContainEqual({ path, rule });
  });

  it('reports every issue of one input together, each with what to do', () => {
    const issues = issuesOf(
      version({
        title: '',
        priorityThemes: ['climate', 'climate'],
        priorityRegions: [{ id: 'pacific alliance', name: 'Alianza', countries: ['CL', 9] }],
        deadlines: { registrationAfterSignatureDays: -3, dormancyMonths: 24 },
      }),
    );
    expect(issues.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: 'data.title', rule: 'required' },
      { path: 'data.priorityRegions[0].id', rule: 'id-format' },
      { path: 'data.priorityRegions[0].countries[1]', rule: 'country-code-not-text' },
      { path: 'data.priorityThemes[1]', rule: 'duplicate' },
      { path: 'data.deadlines.registrationAfterSignatureDays', rule: 'out-of-range' },
      { path: 'data.deadlines.opinionBeforeSignatureRequired', rule: 'required' },
    ]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});
