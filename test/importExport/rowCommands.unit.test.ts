import { importCommandId, importedAgreementId, planRow } from '../../src/importExport/rowCommands';

const ROW = {
  key: 'JAL-2019-014',
  kind: 'twinning',
  title: 'Hermanamiento Guadalajara–Kioto',
  parties: [{ level: 'municipality', code: '14039', agency: 'Ayuntamiento de Guadalajara' }],
  languages: ['es', 'ja'],
  openedOn: '2019-01-10',
  signedOn: '2019-05-01',
  signedPlace: 'Kioto',
  signatories: [{ side: 'mexican', name: 'Ana Pérez', title: 'Presidenta Municipal' }],
  provisionalApplicationOn: '2019-05-02',
  enteredIntoForceOn: '2019-06-01',
};

describe('turning a row into commands', () => {
  it('gives the lifecycle steps present, in order, with ids derived from the key alone', () => {
    const plan = planRow(ROW);
    if (!('key' in plan)) throw new Error(JSON.stringify(plan.problems));
    expect(plan.agreementId).toBe(importedAgreementId('JAL-2019-014'));
    expect(plan.commands.map(({ command }) => command.type)).toEqual(['OpenAgreement', 'SignAgreement', 'EnterIntoForce', 'EnterIntoForce']);
    expect(plan.commands.map(({ commandId }) => commandId)).toEqual(
      ['open', 'signature', 'provisional-application', 'entry-into-force'].map((step) => importCommandId('JAL-2019-014', step)),
    );
    expect(plan.commands[1]?.command.data).toMatchObject({ signedOn: '2019-05-01', languages: ['es', 'ja'] });
    expect(plan.commands.slice(2).map(({ command }) => command.data)).toEqual([
      { mode: 'provisional-application', effectiveOn: '2019-05-02' },
      { mode: 'in-force', effectiveOn: '2019-06-01' },
    ]);
    expect(importedAgreementId('JAL-2019-014')).not.toBe(importedAgreementId('JAL-2019-015'));
  });

  it('reports every problem of every step against the row field to correct', () => {
    const plan = planRow({ ...ROW, title: undefined, durationMonths: 'doce', endsOn: '2030-01-01', parties: [{ level: 'municipality', code: '1403', agency: 'X' }], opinionOutcome: 'favorable' });
    expect('problems' in plan && plan.problems.map((problem) => `${problem.field} ${problem.rule}`)).toEqual([
      'title required',
      'parties[0].code municipality-code-format',
      'durationMonths not-an-integer',
      'durationMonths end-and-duration',
      'opinionNumber required',
      'opinionOutcome not-in-vocabulary',
      'opinionIssuedOn required',
    ]);
  });

  it('needs a key', () => {
    expect(planRow({ ...ROW, key: '  ' })).toEqual({ problems: [expect.objectContaining({ field: 'key', rule: 'required' })] });
  });
});
