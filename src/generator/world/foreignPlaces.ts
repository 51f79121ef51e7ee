import {
  findSubdivision,
  listCountries,
  parseCountryCode,
  parseLanguageCode,
  parseSubdivisionCode,
  subdivisionsOf,
  unwrap,
  type CountryCode,
  type LanguageCode,
  type SubdivisionCode,
} from '../../reference';
import { WeightedTable, type Rng } from '../rng';

/**
 * The foreign side of Mexican subnational cooperation, as it is in practice: mostly the United
 * States, Spain and Latin America, then the big European and East Asian partners. Each common
 * partner has a short list of real cities (with their ISO 3166-2 region) and of regions that twin
 * with Mexican states; every other country gets a synthesised "Municipality of X".
 */
interface PartnerCountry {
  readonly weight: number;
  readonly language: string;
  readonly cities: readonly (readonly [name: string, region: string])[];
  /** Regions known for sister-state agreements; any top-level subdivision otherwise. */
  readonly regions: readonly string[];
}

const PARTNERS: Readonly<Record<string, PartnerCountry>> = {
  US: {
    weight: 18,
    language: 'en',
    cities: [
      ['Los Angeles', 'US-CA'], ['San Antonio', 'US-TX'], ['Chicago', 'US-IL'], ['Houston', 'US-TX'], ['Phoenix', 'US-AZ'],
      ['San Diego', 'US-CA'], ['Denver', 'US-CO'], ['Dallas', 'US-TX'], ['El Paso', 'US-TX'], ['Tucson', 'US-AZ'],
      ['Albuquerque', 'US-NM'], ['Sacramento', 'US-CA'], ['Portland', 'US-OR'], ['Seattle', 'US-WA'], ['Miami', 'US-FL'],
      ['Atlanta', 'US-GA'], ['Laredo', 'US-TX'], ['Austin', 'US-TX'], ['Las Vegas', 'US-NV'], ['Salt Lake City', 'US-UT'],
      ['San Francisco', 'US-CA'], ['Santa Fe', 'US-NM'], ['New Orleans', 'US-LA'], ['Kansas City', 'US-MO'],
    ],
    regions: ['US-TX', 'US-CA', 'US-AZ', 'US-NM', 'US-IL', 'US-FL', 'US-CO', 'US-NV', 'US-UT', 'US-WA', 'US-OR', 'US-NY', 'US-GA', 'US-LA'],
  },
  ES: {
    weight: 9,
    language: 'es',
    cities: [
      ['Madrid', 'ES-MD'], ['Barcelona', 'ES-CT'], ['Sevilla', 'ES-AN'], ['Valencia', 'ES-VC'], ['Bilbao', 'ES-PV'],
      ['Zaragoza', 'ES-AR'], ['Málaga', 'ES-AN'], ['Salamanca', 'ES-CL'], ['Santiago de Compostela', 'ES-GA'],
      ['Cádiz', 'ES-AN'], ['Granada', 'ES-AN'], ['Toledo', 'ES-CM'], ['Oviedo', 'ES-AS'], ['Santander', 'ES-CB'],
    ],
    regions: ['ES-AN', 'ES-CT', 'ES-GA', 'ES-MD', 'ES-PV', 'ES-CL', 'ES-AS', 'ES-CN', 'ES-VC', 'ES-EX'],
  },
  FR: {
    weight: 6,
    language: 'fr',
    cities: [
      ['Paris', 'FR-IDF'], ['Lyon', 'FR-ARA'], ['Marseille', 'FR-PAC'], ['Toulouse', 'FR-OCC'], ['Bordeaux', 'FR-NAQ'],
      ['Nantes', 'FR-PDL'], ['Lille', 'FR-HDF'], ['Strasbourg', 'FR-GES'], ['Nice', 'FR-PAC'], ['Montpellier', 'FR-OCC'],
    ],
    regions: ['FR-IDF', 'FR-ARA', 'FR-OCC', 'FR-NAQ', 'FR-PAC', 'FR-BRE', 'FR-GES'],
  },
  CN: {
    weight: 6,
    language: 'zh',
    cities: [
      ['Beijing', 'CN-BJ'], ['Shanghai', 'CN-SH'], ['Guangzhou', 'CN-GD'], ['Shenzhen', 'CN-GD'], ['Chengdu', 'CN-SC'],
      ['Hangzhou', 'CN-ZJ'], ['Nanjing', 'CN-JS'], ['Wuhan', 'CN-HB'], ["Xi'an", 'CN-SN'], ['Tianjin', 'CN-TJ'], ['Qingdao', 'CN-SD'],
    ],
    regions: ['CN-GD', 'CN-JS', 'CN-ZJ', 'CN-SD', 'CN-SC', 'CN-HB', 'CN-FJ', 'CN-YN'],
  },
  JP: {
    weight: 5,
    language: 'ja',
    cities: [
      ['Tokio', 'JP-13'], ['Osaka', 'JP-27'], ['Kioto', 'JP-26'], ['Nagoya', 'JP-23'], ['Yokohama', 'JP-14'], ['Kobe', 'JP-28'],
      ['Sapporo', 'JP-01'], ['Fukuoka', 'JP-40'], ['Hiroshima', 'JP-34'], ['Sendai', 'JP-04'], ['Kanazawa', 'JP-17'],
    ],
    regions: ['JP-23', 'JP-27', 'JP-26', 'JP-40', 'JP-22', 'JP-14', 'JP-47', 'JP-15'],
  },
  KR: {
    weight: 4,
    language: 'ko',
    cities: [['Seúl', 'KR-11'], ['Busan', 'KR-26'], ['Incheon', 'KR-28'], ['Daegu', 'KR-27'], ['Gwangju', 'KR-29'], ['Daejeon', 'KR-30'], ['Ulsan', 'KR-31']],
    regions: ['KR-41', 'KR-44', 'KR-47', 'KR-48', 'KR-49'],
  },
  DE: {
    weight: 5,
    language: 'de',
    cities: [
      ['Berlín', 'DE-BE'], ['Hamburgo', 'DE-HH'], ['Múnich', 'DE-BY'], ['Colonia', 'DE-NW'], ['Fráncfort del Meno', 'DE-HE'],
      ['Stuttgart', 'DE-BW'], ['Düsseldorf', 'DE-NW'], ['Leipzig', 'DE-SN'], ['Dresde', 'DE-SN'], ['Hannover', 'DE-NI'],
    ],
    regions: ['DE-BY', 'DE-BW', 'DE-NW', 'DE-HE', 'DE-SN', 'DE-NI'],
  },
  CO: {
    weight: 5,
    language: 'es',
    cities: [
      ['Bogotá', 'CO-DC'], ['Medellín', 'CO-ANT'], ['Cali', 'CO-VAC'], ['Barranquilla', 'CO-ATL'], ['Cartagena de Indias', 'CO-BOL'],
      ['Bucaramanga', 'CO-SAN'], ['Pereira', 'CO-RIS'], ['Manizales', 'CO-CAL'],
    ],
    regions: ['CO-ANT', 'CO-VAC', 'CO-CUN', 'CO-ATL', 'CO-BOL', 'CO-SAN'],
  },
  CL: {
    weight: 4,
    language: 'es',
    cities: [
      ['Santiago', 'CL-RM'], ['Valparaíso', 'CL-VS'], ['Concepción', 'CL-BI'], ['Antofagasta', 'CL-AN'], ['Viña del Mar', 'CL-VS'],
      ['La Serena', 'CL-CO'], ['Temuco', 'CL-AR'], ['Punta Arenas', 'CL-MA'],
    ],
    regions: ['CL-RM', 'CL-VS', 'CL-BI', 'CL-AN', 'CL-CO', 'CL-AR'],
  },
  PE: {
    weight: 3,
    language: 'es',
    cities: [['Lima', 'PE-LMA'], ['Arequipa', 'PE-ARE'], ['Cusco', 'PE-CUS'], ['Trujillo', 'PE-LAL'], ['Piura', 'PE-PIU'], ['Chiclayo', 'PE-LAM']],
    regions: ['PE-ARE', 'PE-CUS', 'PE-LAL', 'PE-PIU', 'PE-PUN', 'PE-LAM'],
  },
  GT: {
    weight: 4,
    language: 'es',
    cities: [
      ['Ciudad de Guatemala', 'GT-01'], ['Quetzaltenango', 'GT-09'], ['Antigua Guatemala', 'GT-03'], ['Huehuetenango', 'GT-13'],
      ['Cobán', 'GT-16'], ['Flores', 'GT-17'], ['Escuintla', 'GT-05'], ['Mazatenango', 'GT-10'],
    ],
    regions: ['GT-09', 'GT-12', 'GT-13', 'GT-17', 'GT-14', 'GT-03'],
  },
  CA: {
    weight: 5,
    language: 'en',
    cities: [
      ['Toronto', 'CA-ON'], ['Montréal', 'CA-QC'], ['Vancouver', 'CA-BC'], ['Calgary', 'CA-AB'], ['Ottawa', 'CA-ON'],
      ['Québec', 'CA-QC'], ['Edmonton', 'CA-AB'], ['Winnipeg', 'CA-MB'], ['Halifax', 'CA-NS'],
    ],
    regions: ['CA-QC', 'CA-ON', 'CA-AB', 'CA-BC', 'CA-MB', 'CA-SK'],
  },
  IT: {
    weight: 5,
    language: 'it',
    cities: [
      ['Roma', 'IT-62'], ['Milán', 'IT-25'], ['Florencia', 'IT-52'], ['Venecia', 'IT-34'], ['Nápoles', 'IT-72'], ['Turín', 'IT-21'],
      ['Bolonia', 'IT-45'], ['Génova', 'IT-42'], ['Palermo', 'IT-82'], ['Verona', 'IT-34'],
    ],
    regions: ['IT-25', 'IT-52', 'IT-34', 'IT-62', 'IT-45', 'IT-21'],
  },
  CU: {
    weight: 3,
    language: 'es',
    cities: [
      ['La Habana', 'CU-03'], ['Santiago de Cuba', 'CU-13'], ['Camagüey', 'CU-09'], ['Holguín', 'CU-11'], ['Cienfuegos', 'CU-06'],
      ['Matanzas', 'CU-04'], ['Trinidad', 'CU-07'],
    ],
    regions: ['CU-03', 'CU-13', 'CU-09', 'CU-11', 'CU-01'],
  },
  AR: {
    weight: 4,
    language: 'es',
    cities: [
      ['Buenos Aires', 'AR-C'], ['Córdoba', 'AR-X'], ['Rosario', 'AR-S'], ['Mendoza', 'AR-M'], ['La Plata', 'AR-B'], ['Salta', 'AR-A'],
      ['San Miguel de Tucumán', 'AR-T'], ['Mar del Plata', 'AR-B'],
    ],
    regions: ['AR-B', 'AR-X', 'AR-S', 'AR-M', 'AR-A', 'AR-Q'],
  },
  BR: {
    weight: 4,
    language: 'pt',
    cities: [
      ['São Paulo', 'BR-SP'], ['Río de Janeiro', 'BR-RJ'], ['Belo Horizonte', 'BR-MG'], ['Curitiba', 'BR-PR'], ['Porto Alegre', 'BR-RS'],
      ['Salvador', 'BR-BA'], ['Recife', 'BR-PE'], ['Fortaleza', 'BR-CE'], ['Brasília', 'BR-DF'],
    ],
    regions: ['BR-SP', 'BR-RJ', 'BR-MG', 'BR-PR', 'BR-RS', 'BR-BA'],
  },
  GB: { weight: 1.5, language: 'en', cities: [['Londres', 'GB-LND'], ['Mánchester', 'GB-MAN'], ['Edimburgo', 'GB-EDH'], ['Liverpool', 'GB-LIV'], ['Birmingham', 'GB-BIR']], regions: [] },
};

/** Weight shared by every other country, so that a large history reaches most of the world. */
const REST_OF_WORLD_WEIGHT = 10;

const SPANISH_SPEAKING = new Set(['BO', 'CR', 'DO', 'EC', 'SV', 'HN', 'NI', 'PA', 'PY', 'UY', 'VE', 'GQ']);
const OTHER_LANGUAGES: Readonly<Record<string, string>> = { PT: 'pt', AO: 'pt', MZ: 'pt', BE: 'fr', HT: 'fr', CH: 'de', AT: 'de', RU: 'ru', TR: 'tr', NL: 'nl', IL: 'he', MA: 'ar', EG: 'ar', AE: 'ar', SA: 'ar' };

const MEXICO = 'MX';
const code = (raw: string): CountryCode => unwrap(parseCountryCode(raw));
const subdivision = (raw: string): SubdivisionCode => {
  const parsed = unwrap(parseSubdivisionCode(raw));
  // Checked at load: a mistyped region would be a well-formed code no catalogue knows.
  if (!findSubdivision(parsed)) throw new Error(`The generator's place list names ${raw}, which is not in the ISO 3166-2 catalogue`);
  return parsed;
};

const COUNTRY_TABLE = new WeightedTable<CountryCode>(
  (() => {
    const others = listCountries().filter((country) => country.code !== MEXICO && !(country.code in PARTNERS));
    return [
      ...Object.entries(PARTNERS).map(([raw, partner]) => [code(raw), partner.weight] as const),
      ...others.map((country) => [country.code, REST_OF_WORLD_WEIGHT / others.length] as const),
    ];
  })(),
);

export const drawCountry = (rng: Rng): CountryCode => COUNTRY_TABLE.draw(rng);

export const languageOf = (country: CountryCode, region?: SubdivisionCode): LanguageCode => {
  if (region === 'CA-QC') return unwrap(parseLanguageCode('fr'));
  const raw = PARTNERS[country]?.language ?? (SPANISH_SPEAKING.has(country) ? 'es' : OTHER_LANGUAGES[country] ?? 'en');
  return unwrap(parseLanguageCode(raw));
};

export interface ForeignPlace {
  readonly name: string;
  readonly country: CountryCode;
  readonly region?: SubdivisionCode;
}

const CITIES: ReadonlyMap<string, readonly ForeignPlace[]> = new Map(
  Object.entries(PARTNERS).map(([raw, partner]) => [raw, partner.cities.map(([name, region]) => ({ name, country: code(raw), region: subdivision(region) }))]),
);
const REGIONS: ReadonlyMap<string, readonly SubdivisionCode[]> = new Map(Object.entries(PARTNERS).map(([raw, partner]) => [raw, partner.regions.map(subdivision)]));

const topLevelCache = new Map<string, readonly SubdivisionCode[]>();
const topLevelRegions = (country: CountryCode): readonly SubdivisionCode[] => {
  let cached = topLevelCache.get(country);
  if (!cached) {
    cached = subdivisionsOf(country)
      .filter((candidate) => candidate.parentSubdivision === undefined)
      .map((candidate) => candidate.code);
    topLevelCache.set(country, cached);
  }
  return cached;
};

const regionName = (region: SubdivisionCode): string => findSubdivision(region)?.name ?? region;

/** A city of `country`: a real one for common partners, otherwise "Municipality of <region>". */
export const drawCity = (rng: Rng, country: CountryCode): ForeignPlace => {
  const known = CITIES.get(country);
  if (known && known.length > 0) return rng.pick(known);
  const regions = topLevelRegions(country);
  if (regions.length === 0) return { name: `Municipality of ${countryNameEn(country)}`, country };
  const region = rng.pick(regions);
  return { name: `Municipality of ${regionName(region)}`, country, region };
};

/** A region (state, province, prefecture) of `country`, when ISO 3166-2 lists any. */
export const drawRegion = (rng: Rng, country: CountryCode): ForeignPlace | undefined => {
  const preferred = REGIONS.get(country);
  const regions = preferred && preferred.length > 0 ? preferred : topLevelRegions(country);
  if (regions.length === 0) return undefined;
  const region = rng.pick(regions);
  return { name: regionName(region), country, region };
};

const NAMES_EN: ReadonlyMap<string, string> = new Map(listCountries().map((country) => [country.code, country.nameEn]));
const NAMES_ES: ReadonlyMap<string, string> = new Map(listCountries().map((country) => [country.code, country.nameEs]));
export const countryNameEn = (country: CountryCode): string => NAMES_EN.get(country) ?? country;
export const countryNameEs = (country: CountryCode): string => NAMES_ES.get(country) ?? country;

/**
 * Countries outside every priority region of both policy versions the generator publishes (the
 * seed's, and 2019's, which adds Asia-Pacific): their counterparts are never aligned by region.
 */
export const OUTSIDE_PRIORITY_COUNTRIES: readonly CountryCode[] = ['GB', 'CH', 'NO', 'RU', 'TR', 'IN', 'IL', 'MA', 'EG', 'ZA', 'AE', 'PH', 'VN', 'TH', 'ID', 'UA'].map(code);

/** The region the 2019 policy version adds. */
export const ASIA_PACIFIC: readonly CountryCode[] = ['CN', 'JP', 'KR', 'AU', 'NZ', 'SG'].map(code);
