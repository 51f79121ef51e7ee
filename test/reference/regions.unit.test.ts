import {
  REGIONS_VERSION,
  getRegion,
  listRegions,
  parseCountryCode,
  regionsOf,
  unwrap,
} from '../../src/reference';

const members = (id: Parameters<typeof getRegion>[0]) => [...getRegion(id).members].sort();

describe('priority regions of the first federal policy version', () => {
  it('has the four regions of the seed, versioned', () => {
    expect(listRegions().map((r) => r.id)).toEqual(['alianza-del-pacifico', 'eu', 'celac', 'north-america']);
    expect(REGIONS_VERSION.version).toBe('federal-policy-v1');
  });

  it('has the 27 members of the European Union, without the United Kingdom', () => {
    expect(members('eu')).toHaveLength(27);
    expect(members('eu')).not.toContain('GB');
    expect(members('eu')).toEqual(expect.arrayContaining(['DE', 'ES', 'FR', 'HR', 'IT', 'PL']));
  });

  it('has the 33 members of CELAC, Mexico included', () => {
    expect(members('celac')).toHaveLength(33);
    expect(members('celac')).toEqual(expect.arrayContaining(['MX', 'BR', 'CU', 'TT', 'VE', 'BZ']));
    expect(members('celac')).not.toContain('US');
    expect(members('celac')).not.toContain('CA');
  });

  it('has the Pacific Alliance and North America as the seed defines them', () => {
    expect(members('alianza-del-pacifico')).toEqual(['CL', 'CO', 'MX', 'PE']);
    expect(members('north-america')).toEqual(['CA', 'US']);
  });

  it('uses only assigned ISO 3166-1 codes, each once per region', () => {
    for (const r of listRegions()) {
      expect(new Set(r.members).size).toBe(r.members.length);
      for (const code of r.members) expect(parseCountryCode(code).ok).toBe(true);
    }
  });

  it('finds the regions a country belongs to', () => {
    const of = (code: string) => regionsOf(unwrap(parseCountryCode(code))).map((r) => r.id);
    expect(of('CL')).toEqual(['alianza-del-pacifico', 'celac']);
    expect(of('ES')).toEqual(['eu']);
    expect(of('US')).toEqual(['north-america']);
    expect(of('JP')).toEqual([]);
  });
});
