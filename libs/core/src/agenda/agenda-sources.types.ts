import type {
  CommunityReportEntity,
  DisputeEntity,
  DisputeEventEntity,
} from '@tricolor/persistence';
import type { Tier } from '@tricolor/workflow';
import type { AgendaUnit } from './agenda.types';

/** The columns of an open case the agenda shows. */
export type OpenCaseRow = Pick<
  DisputeEntity,
  | 'id'
  | 'reference'
  | 'title'
  | 'gridCode'
  | 'communityCode'
  | 'tier'
  | 'status'
  | 'overdue'
  | 'nextDeadlineAt'
  | 'createdAt'
  | 'inPrivate'
>;

/** Open cases of a community, counted whole. */
export interface OpenCounts {
  open: number;
  overdue: number;
  openByTier: Record<Tier, number>;
}

/** An event record that raised a case's tier, with the case and the actor's name beside it. */
export type EscalationRow = Pick<
  DisputeEventEntity,
  'type' | 'actorId' | 'actorRole' | 'payload' | 'fromStatus' | 'toTier' | 'at'
> &
  Pick<
    DisputeEntity,
    'reference' | 'title' | 'gridCode' | 'communityCode' | 'status' | 'inPrivate'
  > & {
    disputeId: string;
    fromTier: Tier;
    /** The user's display name; null for the system or a user since removed. */
    actorName: string | null;
  };

/** Everything an agenda is made from, read in one transaction. */
export interface AgendaSources {
  /** The community or street the agenda is for. */
  unit: AgendaUnit;
  /** The community itself, or every community of the street. */
  communities: AgendaUnit[];
  openCases: OpenCaseRow[];
  /**
   * Each community's whole counts of open cases, when `openCases` holds only the most urgent
   * ones (a paged read keeps at most the list cap of each list): counts then come from here.
   */
  openCounts?: Record<string, OpenCounts>;
  escalations: EscalationRow[];
  /** The week's 社情 reports; absent where the caller has none to list. */
  reports?: ReportRow[];
  /** Supervision notices still open or issued in the window (absent: none read). */
  supervision?: SupervisionRow[];
}

/** A supervision notice with its case's columns the agenda shows. */
export interface SupervisionRow {
  noticeId: string;
  disputeId: string;
  reference: string;
  title: string;
  gridCode: string;
  communityCode: string;
  reason: string;
  dueBy: Date;
  issuedAt: Date;
  acknowledged: boolean;
  /** PML Art. 23: the case is mediated in private; the agenda shows no title or reason. */
  inPrivate?: boolean | null;
}

/** The columns of a 社情 report the agenda shows. */
export type ReportRow = Pick<
  CommunityReportEntity,
  | 'id'
  | 'reference'
  | 'gridCode'
  | 'communityCode'
  | 'category'
  | 'urgency'
  | 'status'
  | 'summary'
  | 'createdAt'
  | 'disputeId'
  | 'lookedAt'
  | 'reviewDueAt'
>;
