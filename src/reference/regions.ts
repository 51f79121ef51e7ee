import { unwrap } from './codes';
import { parseCountryCode, type CountryCode } from './countries';

/**
 * Priority regions of the first federal policy version (from the seed document). They are data,
 * not logic: the policy is versioned, and an agreement is judged against the version in force when
 * it was signed, so a later version gets its own list rather than an edit of this one.
 */
export type RegionId = 'alianza-del-pacifico' | 'eu' | 'celac' | 'north-america';

export interface Region {
  readonly id: RegionId;
  readonly nameEs: string;
  readonly nameEn: string;
  readonly members: readonly CountryCode[];
  readonly note?: string;
}

export const REGIONS_VERSION = {
  version: 'federal-policy-v1',
  /** Memberships are those on this date; e.g. the United Kingdom left the EU on 2020-01-31. */
  membershipAsOf: '2025-01-01',
  source: 'Seed document (parliamentary dialogue conclusions), priority regions; memberships from each body',
} as const;

const EU_MEMBERS = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

const CELAC_MEMBERS = [
  'AG', 'AR', 'BS', 'BB', 'BZ', 'BO', 'BR', 'CL', 'CO', 'CR', 'CU', 'DM', 'DO', 'EC',
  'SV', 'GD', 'GT', 'GY', 'HT', 'HN', 'JM', 'MX', 'NI', 'PA', 'PY', 'PE', 'KN', 'LC',
  'VC', 'SR', 'TT', 'UY', 'VE',
] as const;

const region = (
  id: RegionId,
  nameEs: string,
  nameEn: string,
  members: readonly string[],
  note?: string,
): Region =>
  Object.freeze({
    id,
    nameEs,
    nameEn,
    // Parsed at load so a mistyped code breaks the build, not an audit.
    members: Object.freeze(members.map((code) => unwrap(parseCountryCode(code)))),
    ...(note === undefined ? {} : { note }),
  });

const REGIONS: readonly Region[] = [
  region(
    'alianza-del-pacifico',
    'Alianza del Pacífico',
    'Pacific Alliance',
    ['CL', 'CO', 'MX', 'PE'],
    'Mexico is itself a member; counterparts that count are Chile, Colombia and Peru.',
  ),
  region('eu', 'Unión Europea', 'European Union', EU_MEMBERS),
  region(
    'celac',
    'Comunidad de Estados Latinoamericanos y Caribeños',
    'Community of Latin American and Caribbean States',
    CELAC_MEMBERS,
    'Mexico is itself a member. CELAC is a mechanism for intergovernmental dialogue with no permanent secretariat, so it appears here as a region, not as an organisation counterpart.',
  ),
  region('north-america', 'América del Norte', 'North America', ['US', 'CA'], 'As the seed defines it: the United States and Canada, without Mexico.'),
];

const BY_ID: ReadonlyMap<RegionId, Region> = new Map(REGIONS.map((r) => [r.id, r]));

export const listRegions = (): readonly Region[] => REGIONS;

export function getRegion(id: RegionId): Region {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown region ${id}`);
  return found;
}

/** The priority regions a country belongs to, in the order of the policy. */
export const regionsOf = (country: CountryCode): readonly Region[] =>
  REGIONS.filter((r) => r.members.includes(country));
