import { agreementPath, entityPath, matchRoute, pathOf } from '../../../src/dashboard/client/routes';

describe('dashboard routes', () => {
  it.each([
    ['/', { page: 'overview' }],
    ['/auditoria', { page: 'audit' }],
    ['/auditoria/', { page: 'audit' }],
    ['/acuerdos/6f1f5a4e-2c3b-4d5e-8f90-a1b2c3d4e5f6', { page: 'agreement', agreementId: '6f1f5a4e-2c3b-4d5e-8f90-a1b2c3d4e5f6' }],
    ['/entidades/14', { page: 'entity', code: '14' }],
    ['/entidades/14039', { page: 'entity', code: '14039' }],
  ])('matches %s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each(['/graphql', '/healthz', '/readyz', '/metrics', '/export', '/export/agreements.csv', '/assets/x.js', '/acuerdos/', '/acuerdos/a/b', '/entidades/1', '/entidades/99', '/entidades/00', '/entidades/33001', '/entidades/jalisco', '/acuerdos/%E0%A4%A'])(
    'leaves %s to the rest of the server',
    (path) => {
      expect(matchRoute(path)).toBeUndefined();
    },
  );

  it('builds the paths it matches', () => {
    for (const path of ['/', '/auditoria', agreementPath('6f1f5a4e-2c3b-4d5e-8f90-a1b2c3d4e5f6'), entityPath('14'), entityPath('14039')]) {
      const route = matchRoute(path);
      expect(route && pathOf(route)).toBe(path);
    }
    expect(agreementPath('a b/c')).toBe('/acuerdos/a%20b%2Fc');
    expect(matchRoute(agreementPath('a b/c'))).toEqual({ page: 'agreement', agreementId: 'a b/c' });
  });
});
