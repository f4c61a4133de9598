import type { Institution, Performance } from './domain';
import type { Actor, UserRef } from './context';
import type { BusinessCalendar } from './calendar/types';

/** Payloads as sent by users (DESIGN.md §3, event table). */
export type DomainEvent =
  | { type: 'ACCEPT'; officerId: string; lawyerId: string }
  | { type: 'CONVENE_PANEL'; members: { userId: string; institution: Institution }[] }
  | {
      type: 'REACH_AGREEMENT';
      terms: string;
      performanceDueAt?: string | null;
      signedByPartyIds: string[];
    }
  | { type: 'ESCALATE'; reason: string }
  | { type: 'DOWNGRADE'; reason: string }
  | { type: 'EMERGENCY_ESCALATE'; reason: string }
  | { type: 'REFER_TO_LITIGATION'; reason: string }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'TRANSFER'; agency: string; reason: string }
  | { type: 'RECORD_REFUSAL'; partyId: string; note: string }
  | { type: 'EXTEND_DEADLINE'; until: string; reason: string; consentingPartyIds: string[] }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME' }
  | { type: 'REQUEST_JUDICIAL_CONFIRMATION' }
  | { type: 'RECORD_CONFIRMATION'; confirmed: boolean; note?: string }
  | { type: 'RECORD_FOLLOW_UP'; performed: Performance; note?: string }
  | { type: 'DEADLINE_EXPIRED'; timerId: string }
  | { type: 'FOLLOW_UP_DUE'; timerId: string };

export type EventType = DomainEvent['type'];

export const EVENT_TYPES = [
  'ACCEPT',
  'CONVENE_PANEL',
  'REACH_AGREEMENT',
  'ESCALATE',
  'DOWNGRADE',
  'EMERGENCY_ESCALATE',
  'REFER_TO_LITIGATION',
  'WITHDRAW',
  'TRANSFER',
  'RECORD_REFUSAL',
  'EXTEND_DEADLINE',
  'SUSPEND',
  'RESUME',
  'REQUEST_JUDICIAL_CONFIRMATION',
  'RECORD_CONFIRMATION',
  'RECORD_FOLLOW_UP',
  'DEADLINE_EXPIRED',
  'FOLLOW_UP_DUE',
] as const satisfies readonly EventType[];

/** Events only the system's timers send. */
export const SYSTEM_EVENTS: readonly EventType[] = ['DEADLINE_EXPIRED', 'FOLLOW_UP_DUE'];

/**
 * What the machine receives: the payload plus who sent it, when (the server's clock),
 * and the users the payload names, resolved from the database.
 */
export interface Envelope {
  actor: Actor;
  at: string;
  refs?: Record<string, UserRef>;
  /** The business calendar working-time deadlines are counted on, handed in like the clock. */
  calendar?: BusinessCalendar;
}

export type WorkflowEvent = DomainEvent & Envelope;
export type WorkflowEventOf<T extends EventType> = Extract<DomainEvent, { type: T }> & Envelope;
