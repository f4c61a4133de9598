import type { JsonObject } from '@tricolor/persistence';
import type { Status } from '@tricolor/workflow';

/** A non-empty string field of a stored event payload, if there is one. */
function text(payload: JsonObject, field: string): string | null {
  const value: unknown = (payload as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Why a case went up a tier, in words for the meeting: the handler's stated reason, or what the
 * system did when a deadline passed or an agreement was not performed.
 */
export function escalationReason(
  type: string,
  payload: JsonObject,
  fromStatus: Status | null,
): string {
  const reason = text(payload, 'reason');
  switch (type) {
    case 'ESCALATE':
      return reason ?? 'no reason given';
    case 'EMERGENCY_ESCALATE':
      return `emergency: ${reason ?? 'no reason given'}`;
    case 'DEADLINE_EXPIRED':
      return `the ${fromStatus ?? 'mediation'} deadline passed (automatic escalation)`;
    case 'RECORD_FOLLOW_UP': {
      const note = text(payload, 'note');
      return note ? `the agreement was not performed: ${note}` : 'the agreement was not performed';
    }
    default:
      return reason ?? type;
  }
}
