/**
 * Suites sign in many users and send many requests quickly: rate limits far above what they do,
 * for in-process apps and spawned processes alike (test/security/throttle.e2e.spec.ts sets its
 * own small ones).
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  THROTTLE_LOGIN_ACCOUNT_LIMIT: '100000',
  THROTTLE_LOGIN_IP_LIMIT: '100000',
  THROTTLE_WRITE_LIMIT: '100000',
  THROTTLE_CASE_EVENT_LIMIT: '100000',
  THROTTLE_AGENDA_BUILD_LIMIT: '100000',
  HEAVY_QUERY_CONCURRENCY: '1000',
};
