import mexicoMap from '@svg-maps/mexico';

/*
 * The map of Mexico's 32 states from @svg-maps/mexico (CC BY 4.0, Victor Cazanave): its ids are
 * the ISO 3166-2:MX suffixes; the registry keys states by INEGI CVE_ENT. No DOM here.
 */

/** @svg-maps/mexico id → INEGI state code (CVE_ENT). */
export const INEGI_CODE_BY_MAP_ID: Readonly<Record<string, string>> = {
  agu: '01', bcn: '02', bcs: '03', cam: '04', coa: '05', col: '06', chp: '07', chh: '08',
  cmx: '09', dur: '10', gua: '11', gro: '12', hid: '13', jal: '14', mex: '15', mic: '16',
  mor: '17', nay: '18', nle: '19', oax: '20', pue: '21', que: '22', roo: '23', slp: '24',
  sin: '25', son: '26', tab: '27', tam: '28', tla: '29', ver: '30', yuc: '31', zac: '32',
};

/** The package's shape (its declaration names a types package that is not published). */
interface SvgMap {
  readonly viewBox: string;
  readonly locations: readonly { readonly id: string; readonly name: string; readonly path: string }[];
}
const mexico = mexicoMap as unknown as SvgMap;

export interface StateShape {
  /** INEGI CVE_ENT. */
  readonly code: string;
  /** SVG path data in the map's viewBox. */
  readonly path: string;
}

export const MAP_VIEW_BOX: string = mexico.viewBox;

/** Every state of the map with its INEGI code; throws if the map has a state the table lacks. */
export const STATE_SHAPES: readonly StateShape[] = mexico.locations.map((location) => {
  const code = INEGI_CODE_BY_MAP_ID[location.id];
  if (!code) throw new Error(`The map's state "${location.id}" (${location.name}) has no INEGI code.`);
  return { code, path: location.path };
});

export const MAP_CREDIT = 'Mapa: @svg-maps/mexico, Victor Cazanave (CC BY 4.0)';
