import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'disabled' | 'denied';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; with no token configured it is off.
 * Compared in constant time (as digests, so the lengths match).
 */
export function metricsAccess(
  configured: string | undefined,
  authorization: string | undefined,
): MetricsAccess {
  if (!configured) return 'disabled';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return 'denied';
  return timingSafeEqual(digest(match[1]), digest(configured)) ? 'allowed' : 'denied';
}
