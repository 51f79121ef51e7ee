import { INEGI_CODE_BY_MAP_ID, STATE_SHAPES } from '../../../src/dashboard/client/mexicoStates';
import { shadeClasses, shadeOf } from '../../../src/dashboard/client/mapScale';
import { listStates } from '../../../src/reference';

describe('the map of Mexico', () => {
  it('has one shape for each of the 32 states, keyed by its INEGI code', () => {
    const codes = STATE_SHAPES.map((shape) => shape.code).sort();
    expect(codes).toEqual(listStates().map((state) => state.code as string).sort());
    expect(new Set(codes).size).toBe(32);
    for (const shape of STATE_SHAPES) expect(shape.path).toMatch(/^m\s*[\d.]/i);
  });

  it("maps the package's ISO 3166-2 ids to the catalogue's codes", () => {
    for (const state of listStates()) {
      const mapId = state.isoCode.replace(/^MX-/, '').toLowerCase();
      expect({ mapId, code: INEGI_CODE_BY_MAP_ID[mapId] }).toEqual({ mapId, code: state.code });
    }
  });
});

describe('the map shading', () => {
  it('splits the non-zero counts into contiguous classes covering 1 to the largest', () => {
    const classes = shadeClasses([0, 0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
    expect(classes[0]).toMatchObject({ index: 1, from: 1 });
    expect(classes[classes.length - 1]).toMatchObject({ to: 89 });
    for (let index = 1; index < classes.length; index += 1) expect(classes[index]!.from).toBe(classes[index - 1]!.to + 1);
    expect(classes).toHaveLength(5);
  });

  it('gives zero its own class and puts each count in the class that holds it', () => {
    const classes = shadeClasses([1, 1, 1, 40]);
    expect(shadeOf(0, classes)).toBe(0);
    expect(shadeOf(1, classes)).toBe(1);
    expect(shadeOf(40, classes)).toBe(classes.length);
    expect(shadeClasses([0, 0])).toEqual([]);
  });
});
