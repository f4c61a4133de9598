import { echarts } from './echarts';
import type { MapData, MapGrid } from './types';

/**
 * Registers the street's grids as an ECharts map, from their GeoJSON boundaries: the base map is
 * the boundaries themselves, so nothing is fetched from the internet (no tiles, no style).
 * Returns the map's name, or null when no grid has a boundary yet.
 */
export function registerStreet(data: MapData): string | null {
  const drawn = data.grids.filter(
    (g): g is MapGrid & { boundary: NonNullable<MapGrid['boundary']> } => Boolean(g.boundary),
  );
  if (drawn.length === 0) return null;
  const name = `street-${data.street.code}`;
  echarts.registerMap(name, {
    type: 'FeatureCollection',
    features: drawn.map((g) => ({
      type: 'Feature',
      // The region's name is the grid's: what the tooltip and the colour scale key on.
      properties: { name: g.name, code: g.code },
      geometry: g.boundary,
    })),
  } as unknown as Parameters<typeof echarts.registerMap>[1]);
  return name;
}
