import type { Status, Tier } from '@tricolor/workflow';

/** A community or street as the agenda names it. */
export interface AgendaUnit {
  code: string;
  name: string;
}

export type AgendaKind = 'community' | 'street';

/** An open case on the agenda. */
export interface AgendaCase {
  id: string;
  reference: string;
  title: string;
  gridCode: string;
  tier: Tier;
  status: Status;
  openedAt: string;
  nextDeadlineAt: string | null;
  /** Flagged overdue, or its next deadline passed before the agenda was made. */
  overdue: boolean;
  /**
   * PML Arts. 15, 23: mediated in private at a party's request. The agenda then carries only
   * what the meeting needs — reference, grid, tier, status, deadlines — and an empty title.
   * Absent on agendas stored before privacy was recorded.
   */
  private?: boolean;
}

/** A 社情 report of the week, listed beside the cases (community police room). */
export interface AgendaReport {
  id: string;
  reference: string;
  gridCode: string;
  category: string;
  urgency: string;
  status: string;
  summary: string;
  filedAt: string;
  /** The case it became, if converted. */
  disputeId: string | null;
  /** Nobody looked at it by its review time. */
  overdue: boolean;
}

/** One move to a higher tier: who made it, why and when. */
export interface AgendaEscalation {
  disputeId: string;
  reference: string;
  title: string;
  gridCode: string;
  fromTier: Tier;
  toTier: Tier;
  /** The event that raised the tier, e.g. ESCALATE or DEADLINE_EXPIRED. */
  event: string;
  /** Raised by a timer rather than a person. */
  automatic: boolean;
  by: { id: string; role: string; name: string };
  reason: string;
  at: string;
  /** Where the case is now (it may have moved on since). */
  status: Status;
  /** A private case (PML Arts. 15, 23): empty title and reason (absent on older agendas). */
  private?: boolean;
}

/** A supervision notice (督办) to go through: still open, or issued in the last week. */
export interface AgendaSupervision {
  noticeId: string;
  disputeId: string;
  reference: string;
  title: string;
  gridCode: string;
  reason: string;
  dueBy: string;
  issuedAt: string;
  acknowledged: boolean;
  /** A private case (PML Arts. 15, 23): empty title and reason (absent on older agendas). */
  private?: boolean;
}

export interface AgendaCounts {
  open: number;
  overdue: number;
  /** Distinct cases escalated in the window (one case may have several escalation records). */
  escalated: number;
  openByTier: Record<Tier, number>;
}

/** What the meeting goes through for one community. */
export interface AgendaSection {
  community: AgendaUnit;
  counts: AgendaCounts;
  open: AgendaCase[];
  overdue: AgendaCase[];
  escalated: AgendaEscalation[];
  /** The 社情 reports filed in the week (the same window as escalations), newest first. */
  reports: AgendaReport[];
  supervision: AgendaSupervision[];
}

interface AgendaHeader {
  id: string;
  unit: AgendaUnit;
  generatedAt: string;
  /** Escalations from this instant up to generatedAt are listed (the last 7 days). */
  escalatedSince: string;
  counts: AgendaCounts;
}

export interface CommunityAgenda extends AgendaHeader {
  kind: 'community';
  open: AgendaCase[];
  overdue: AgendaCase[];
  escalated: AgendaEscalation[];
  reports: AgendaReport[];
  supervision: AgendaSupervision[];
}

export interface StreetAgenda extends AgendaHeader {
  kind: 'street';
  /** Every community of the street, by code, including those with nothing to discuss. */
  communities: AgendaSection[];
}

/** The weekly joint-meeting agenda (警格+网格 例会), stored as the content of an `agendas` row. */
export type Agenda = CommunityAgenda | StreetAgenda;

/** What buildAll reports for each agenda it stored. */
export interface AgendaSummary {
  id: string;
  unitCode: string;
  kind: AgendaKind;
  generatedAt: string;
  counts: AgendaCounts;
}
