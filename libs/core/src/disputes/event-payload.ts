import type { DomainEvent } from '@tricolor/workflow';

/** An event's type and payload as sent (DESIGN.md §3); timers send their own two. */
export type EventPayload = DomainEvent;
