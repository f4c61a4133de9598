import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import { errorText } from '../pages/errors';

/**
 * The API's 400 for a bad boundary, in plain Chinese: "geometry.coordinates[0][2] has latitude
 * 91, outside [-90, 90]" becomes "第1个环的第3个点的纬度 91 超出 [-90, 90]". Index paths are
 * read against the geometry's type; an unknown message is shown as the API wrote it.
 */
export function geometryText(t: Translate, error: unknown, type: string | undefined): string {
  if (!(error instanceof ApiError) || error.status !== 400) return errorText(t, error);
  // Each problem's message already starts with its place (`geometry.coordinates[0] is not …`).
  const problems = error.body.errors?.map((e) =>
    e.message.startsWith(e.field) ? e.message : `${e.field} ${e.message}`,
  ) ?? [error.message];
  return t('map.boundary.invalid', {
    message: problems.map((p) => translate(t, p, type)).join('；'),
  });
}

function where(t: Translate, path: string, type: string | undefined): string {
  const idx = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  const names =
    type === 'MultiPolygon'
      ? (['geo.polygon', 'geo.ring', 'geo.position'] as const)
      : (['geo.ring', 'geo.position'] as const);
  if (idx.length === 0) return t('geo.root');
  return idx.map((n, i) => t(names[Math.min(i, names.length - 1)], { n })).join('的');
}

export function translate(t: Translate, message: string, type: string | undefined): string {
  const m = /^(geometry[\w.[\]]*)\s+(.*)$/s.exec(message.trim());
  if (!m) return message;
  const at = where(t, m[1], type);
  const problem = m[2];
  let x: RegExpExecArray | null;
  if (/^is not closed/.test(problem)) return t('geo.notClosed', { at });
  if ((x = /^intersects itself: edges (\d+) and (\d+)/.exec(problem)))
    return t('geo.selfIntersects', { at, a: Number(x[1]) + 1, b: Number(x[2]) + 1 });
  if ((x = /^must have at least 4 positions \(it has (\d+)\)/.exec(problem)))
    return t('geo.tooFew', { at, n: x[1] });
  if (/^encloses no area/.test(problem)) return t('geo.noArea', { at });
  if ((x = /^has longitude (\S+),/.exec(problem))) return t('geo.longitude', { at, v: x[1] });
  if ((x = /^has latitude (\S+),/.exec(problem))) return t('geo.latitude', { at, v: x[1] });
  if (/^must be Polygon or MultiPolygon/.test(problem)) return t('geo.type');
  if (/^must be a position/.test(problem)) return t('geo.notPosition', { at });
  if ((x = /past (\d+) positions/.exec(problem))) return t('geo.tooMany', { n: x[1] });
  if (/^must hold at least one/.test(problem)) return t('geo.empty', { at });
  if (/^must be a GeoJSON geometry object/.test(problem)) return t('geo.object');
  if ((x = /^must be (.*)$/.exec(problem))) return t('geo.shape', { at, what: x[1] });
  return message;
}
