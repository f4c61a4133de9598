import { MAX_POSITIONS, bboxOf, validateBoundary } from './geojson';

const square = [
  [120.38, 36.06],
  [120.39, 36.06],
  [120.39, 36.07],
  [120.38, 36.07],
  [120.38, 36.06],
];

const problem = (geometry: unknown) => {
  const verdict = validateBoundary(geometry);
  if (verdict.ok) throw new Error('expected a problem');
  return `${verdict.problem.field} ${verdict.problem.problem}`;
};

describe('validateBoundary', () => {
  it('accepts a polygon and a multipolygon, keeping lon/lat only', () => {
    const poly = validateBoundary({
      type: 'Polygon',
      coordinates: [square.map((p) => [...p, 12])],
    });
    expect(poly).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [square] } });
    const multi = validateBoundary({ type: 'MultiPolygon', coordinates: [[square], [square]] });
    expect(multi.ok).toBe(true);
    if (multi.ok) expect(bboxOf(multi.geometry)).toEqual([120.38, 36.06, 120.39, 36.07]);
  });

  it('accepts a polygon with a hole', () => {
    const hole = [
      [120.383, 36.063],
      [120.386, 36.063],
      [120.386, 36.066],
      [120.383, 36.063],
    ];
    expect(validateBoundary({ type: 'Polygon', coordinates: [square, hole] }).ok).toBe(true);
  });

  it.each([
    ['not an object', 'x', 'geometry must be a GeoJSON geometry object'],
    [
      'a point',
      { type: 'Point', coordinates: [1, 2] },
      'geometry.type must be Polygon or MultiPolygon',
    ],
    [
      'no rings',
      { type: 'Polygon', coordinates: [] },
      'geometry.coordinates must hold at least one linear ring',
    ],
    [
      'an open ring',
      { type: 'Polygon', coordinates: [square.slice(0, 4)] },
      'geometry.coordinates[0] is not closed: its first and last positions must be the same',
    ],
    [
      'three positions',
      { type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] },
      'geometry.coordinates[0] must have at least 4 positions (it has 3)',
    ],
    [
      'a longitude out of range',
      { type: 'Polygon', coordinates: [[[190, 36], ...square.slice(1, 4), [190, 36]]] },
      'geometry.coordinates[0][0] has longitude 190, outside [-180, 180]',
    ],
    [
      'a latitude out of range',
      { type: 'Polygon', coordinates: [[...square.slice(0, 2), [120.39, 91], ...square.slice(3)]] },
      'geometry.coordinates[0][2] has latitude 91, outside [-90, 90]',
    ],
    [
      'a position that is not numbers',
      { type: 'Polygon', coordinates: [[square[0], ['a', 1], ...square.slice(2)]] },
      'geometry.coordinates[0][1] must be a position [lon, lat] of finite numbers',
    ],
    [
      'a bow tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates[0] intersects itself: edges 0 and 2 cross',
    ],
    [
      'a flat ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [2, 0],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates[0] encloses no area',
    ],
    [
      'a bad polygon inside a multipolygon',
      { type: 'MultiPolygon', coordinates: [[square], [square.slice(0, 4)]] },
      'geometry.coordinates[1][0] is not closed: its first and last positions must be the same',
    ],
  ])('refuses %s, naming where', (_what, geometry, message) => {
    expect(problem(geometry)).toBe(message);
  });

  it('refuses a boundary too large to check', () => {
    const ring = Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [i / 1e6, 0]);
    expect(problem({ type: 'Polygon', coordinates: [ring] })).toMatch(/past 5000 positions/);
  });
});
