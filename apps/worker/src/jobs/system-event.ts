import type { AppliedEvent, FiringContext, SendEventService, TimerChanges } from '@tricolor/core';
import type { NotificationEntity } from '@tricolor/persistence';
import type { Notifier } from '@tricolor/core';
import { SYSTEM_ACTOR_ID, type Actor } from '@tricolor/workflow';

/** Timer events are recorded with actor `system` (DESIGN.md §4). */
export const SYSTEM_ACTOR: Actor = { id: SYSTEM_ACTOR_ID, role: 'system' };

/**
 * Sends a timer's event through the same transition path as HTTP, in the claim's transaction;
 * its writes join the batch's (`ctx.writes`), sent once every timer of the batch has reacted.
 */
export async function sendSystemEvent(
  events: SendEventService,
  { m, dispute, head, timerId, now, writes }: FiringContext,
  type: 'DEADLINE_EXPIRED' | 'FOLLOW_UP_DUE',
): Promise<{ applied: AppliedEvent; changes: { disputeId: string; timers: TimerChanges } | null }> {
  const applied = await events.applyWithin(m, {
    actor: SYSTEM_ACTOR,
    disputeId: dispute.id,
    event: { type, timerId },
    at: now,
    loaded: { dispute, head },
    defer: writes,
  });
  return {
    applied,
    changes: applied.timers ? { disputeId: dispute.id, timers: applied.timers } : null,
  };
}

/** Inbox entries a firing writes, with the batch's other writes. */
export function deferNotices(
  notifier: Notifier,
  { m, writes }: FiringContext,
  notices: readonly NotificationEntity[],
): void {
  const insert = notifier.insertStatement(m, notices);
  if (insert) writes.add(insert);
}
