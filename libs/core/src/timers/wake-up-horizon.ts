import type { AppConfig } from '@tricolor/config';

/**
 * How far ahead timers get a queue job. The reconciler looks this far ahead on every pass (every
 * RECONCILE_INTERVAL), so a timer due later is queued by a pass at least one interval before it
 * is due; a transition only queues the timers due sooner. Most deadlines are days away, so most
 * transitions touch Redis not at all, and Redis holds only the next few minutes of work.
 */
export const wakeUpHorizonMs = (config: Pick<AppConfig, 'reconcileIntervalMs'>): number =>
  2 * config.reconcileIntervalMs;
