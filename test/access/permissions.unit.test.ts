import { ANONYMOUS, COMMAND_ROLES, assertActsForAParty, assertActsForEntity, authorizeCommand, type CommandType, type Viewer } from '../../src/access/permissions';
import type { Role } from '../../src/eventSourcing/envelope';
import { GUADALAJARA } from '../agreements/agreementFixtures';

const as = (role: Role, entityScope: string[] = []): Viewer => ({ kind: 'actor', actor: { id: `${role}-user`, role, entityScope } });
const commands = Object.keys(COMMAND_ROLES) as CommandType[];

describe('who may run which command', () => {
  const sreCommands: CommandType[] = ['IssueSreOpinion', 'RegisterAgreement', 'CorrectFact', 'FileSignedCopy', 'PublishPolicyVersion'];

  it.each(commands)('%s: allowed exactly for its roles, never for Parliament, never anonymously', (command) => {
    expect(() => authorizeCommand(ANONYMOUS, command)).toThrow(expect.objectContaining({ kind: 'UNAUTHENTICATED' }));
    expect(() => authorizeCommand(as('parliament'), command)).toThrow(expect.objectContaining({ kind: 'FORBIDDEN' }));
    const sre = () => authorizeCommand(as('sre-legal'), command);
    if (sreCommands.includes(command)) expect(sre).not.toThrow();
    else expect(sre).toThrow(expect.objectContaining({ kind: 'FORBIDDEN' }));
    const subnationalAllowed = !['IssueSreOpinion', 'RegisterAgreement', 'CorrectFact', 'PublishPolicyVersion'].includes(command);
    const subnational = () => authorizeCommand(as('subnational', ['14039']), command);
    if (subnationalAllowed) expect(subnational).not.toThrow();
    else expect(subnational).toThrow(expect.objectContaining({ kind: 'FORBIDDEN' }));
  });

  it('lets administrators publish policy versions and nothing else', () => {
    expect(commands.filter((command) => COMMAND_ROLES[command].includes('admin'))).toEqual(['PublishPolicyVersion']);
  });

  it('lets a subnational actor act only where one of its entities is a party', () => {
    const parties = [{ level: 'municipality' as const, code: GUADALAJARA, agency: 'Ayuntamiento' }];
    expect(() => assertActsForAParty({ id: 'u', role: 'subnational', entityScope: ['14039'] }, parties, 'the agreement')).not.toThrow();
    expect(() => assertActsForAParty({ id: 'u', role: 'subnational', entityScope: ['19039'] }, parties, 'the agreement')).toThrow(/None of your entities \(19039\) is a party/);
    expect(() => assertActsForAParty({ id: 'u', role: 'sre-legal', entityScope: [] }, parties, 'the agreement')).not.toThrow();
  });

  it('lets a subnational actor keep only its own entity profiles', () => {
    expect(() => assertActsForEntity({ id: 'u', role: 'subnational', entityScope: ['14'] }, '14')).not.toThrow();
    expect(() => assertActsForEntity({ id: 'u', role: 'subnational', entityScope: ['14'] }, '19')).toThrow(expect.objectContaining({ kind: 'FORBIDDEN' }));
  });
});
