// Grid boundaries as GeoJSON (RFC 7946): a Polygon or MultiPolygon in lon/lat degrees. Checked:
// the type, the nesting, every position (two or three finite numbers, lon in [-180, 180], lat in
// [-90, 90]), each ring closed with at least four positions and a non-zero area, and no ring
// crossing itself. Not checked: holes lying inside their shell, rings of one polygon crossing
// each other, and the RFC's winding order (renderers accept both).

export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** A bad geometry: where (a path under `geometry`) and what is wrong. */
export interface GeometryProblem {
  field: string;
  problem: string;
}

export type GeometryVerdict =
  { ok: true; geometry: BoundaryGeometry } | { ok: false; problem: GeometryProblem };

/** The largest boundary accepted: the self-intersection check is quadratic in a ring's length. */
export const MAX_POSITIONS = 5_000;

class Bad extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** Validates and normalises (positions reduced to lon/lat) a boundary geometry. */
export function validateBoundary(input: unknown, root = 'geometry'): GeometryVerdict {
  try {
    return { ok: true, geometry: parseGeometry(input, root) };
  } catch (error) {
    if (error instanceof Bad)
      return { ok: false, problem: { field: error.field, problem: error.problem } };
    throw error;
  }
}

function parseGeometry(input: unknown, root: string): BoundaryGeometry {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Bad(root, 'must be a GeoJSON geometry object');
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  const at = `${root}.coordinates`;
  const budget = { left: MAX_POSITIONS };
  if (type === 'Polygon') {
    return { type, coordinates: parsePolygon(coordinates, at, budget) };
  }
  if (type === 'MultiPolygon') {
    const polygons = arrayAt(coordinates, at, 'an array of polygons');
    if (polygons.length === 0) throw new Bad(at, 'must hold at least one polygon');
    return {
      type,
      coordinates: polygons.map((p, i) => parsePolygon(p, `${at}[${i}]`, budget)),
    };
  }
  throw new Bad(`${root}.type`, 'must be Polygon or MultiPolygon');
}

function parsePolygon(input: unknown, at: string, budget: { left: number }): Ring[] {
  const rings = arrayAt(input, at, 'an array of linear rings');
  if (rings.length === 0) throw new Bad(at, 'must hold at least one linear ring');
  return rings.map((ring, i) => parseRing(ring, `${at}[${i}]`, budget));
}

function parseRing(input: unknown, at: string, budget: { left: number }): Ring {
  const raw = arrayAt(input, at, 'a linear ring (an array of positions)');
  budget.left -= raw.length;
  if (budget.left < 0) throw new Bad(at, `takes the boundary past ${MAX_POSITIONS} positions`);
  const ring = raw.map((p, i) => parsePosition(p, `${at}[${i}]`));
  if (ring.length < 4) {
    throw new Bad(at, `must have at least 4 positions (it has ${ring.length})`);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new Bad(at, 'is not closed: its first and last positions must be the same');
  }
  const crossing = selfIntersection(ring);
  if (crossing !== null) {
    throw new Bad(at, `intersects itself: edges ${crossing[0]} and ${crossing[1]} cross`);
  }
  if (Math.abs(signedArea(ring)) === 0) throw new Bad(at, 'encloses no area');
  return ring;
}

function parsePosition(input: unknown, at: string): Position {
  const p = arrayAt(input, at, 'a position [lon, lat]');
  if (
    p.length < 2 ||
    p.length > 3 ||
    !p.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    throw new Bad(at, 'must be a position [lon, lat] of finite numbers');
  }
  const [lon, lat] = p as number[];
  if (lon < -180 || lon > 180) throw new Bad(at, `has longitude ${lon}, outside [-180, 180]`);
  if (lat < -90 || lat > 90) throw new Bad(at, `has latitude ${lat}, outside [-90, 90]`);
  return [lon, lat];
}

function arrayAt(input: unknown, at: string, what: string): unknown[] {
  if (!Array.isArray(input)) throw new Bad(at, `must be ${what}`);
  return input;
}

/** Twice the signed area (shoelace). */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

/** The first two non-adjacent edges (by index) that touch or cross, or null. */
export function selfIntersection(ring: Ring): [number, number] | null {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 1; j < edges; j += 1) {
      // Neighbours share a vertex by construction; so do the first and the last edge.
      if (j === i + 1 || (i === 0 && j === edges - 1)) continue;
      if (segmentsTouch(ring[i], ring[i + 1], ring[j], ring[j + 1])) return [i, j];
    }
  }
  return null;
}

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function segmentsTouch(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  );
}

/** [minLon, minLat, maxLon, maxLat] of a validated geometry. */
export function bboxOf(geometry: BoundaryGeometry): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of rings.flat()) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}
