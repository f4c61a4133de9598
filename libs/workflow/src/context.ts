import type { Institution, OpenStatus, Outcome, PartyRole, Role, Tier } from './domain';
import type { TimerEntry, PausedTimer, WorkflowPolicy } from './timers';
import type { BusinessCalendar } from './calendar/types';

/** Who sends an event, with the jurisdiction the server resolved from their unit. */
export interface Actor {
  id: string;
  role: Role | 'system';
  institution?: Institution | null;
  gridCode?: string | null;
  communityCode?: string | null;
  streetCode?: string | null;
}

/** A user referenced by an event payload (officer, lawyer, panel member), resolved by the server. */
export interface UserRef {
  id: string;
  role: Role;
  institution?: Institution | null;
  streetCode?: string | null;
}

export interface CaseLocation {
  gridCode: string;
  communityCode: string;
  streetCode: string;
}

/** The workflow only needs a party's identity; contact details stay in the case record. */
export interface PartyRef {
  id: string;
  name: string;
  role: PartyRole;
}

export interface PanelMember {
  userId: string;
  institution: Institution;
}

export interface AgreementRecord {
  tier: Tier;
  terms: string;
  performanceDueAt: string | null;
  signedByPartyIds: string[];
  reachedAt: string;
  reachedBy: string;
  /** People's Mediation Law Art. 33: the parties may apply for judicial confirmation within 30 days. */
  confirmationWindowEndsAt: string;
  confirmation: 'pending' | 'confirmed' | 'refused' | null;
}

export interface EscalationRecord {
  from: Tier;
  to: Tier;
  reason: string;
  at: string;
  automatic: boolean;
}

export interface RefusalRecord {
  partyId: string;
  note: string;
  /** Art. 26: a failed mediation ends with the parties told of the other routes. */
  routesExplained: readonly string[];
}

export interface DisputeContext {
  location: CaseLocation;
  parties: PartyRef[];
  tier: Tier;
  highestTier: Tier;
  officerId: string | null;
  lawyerId: string | null;
  panel: PanelMember[];
  agreement: AgreementRecord | null;
  overdue: boolean;
  suspendedFrom: OpenStatus | null;
  outcome: Outcome | null;
  closingReason: string | null;
  lastEscalation: EscalationRecord | null;
  refusal: RefusalRecord | null;
  timers: TimerEntry[];
  pausedTimers: PausedTimer[];
  timerSeq: number;
  policy: WorkflowPolicy;
}

/** What opening a case feeds the machine. */
export interface DisputeInput {
  location: CaseLocation;
  parties: PartyRef[];
  tier: Tier;
  openedAt: string;
  policy: WorkflowPolicy;
  /** The business calendar for working-time deadlines; not kept in the context. */
  calendar?: BusinessCalendar;
}
