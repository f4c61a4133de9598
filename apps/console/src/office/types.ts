/** The shapes of the case-file, calendar, supervision, report and agenda answers (docs/api.md). */
export interface DocumentListing {
  kind: string;
  title: string;
  templateVersion: string;
  formats: string[];
}

export interface Attachment {
  id: string;
  disputeId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedByName: string | null;
  addedAt: string;
  auditSeq: number;
  withdrawn: boolean;
}

export interface NextStep {
  timerId: string | null;
  kind: string;
  dueAt: string | null;
  text: string;
}

export interface NextView {
  disputeId: string;
  status: string;
  lang: 'zh' | 'en';
  steps: NextStep[];
}

export interface SupervisionNotice {
  id: string;
  disputeId: string;
  issuedBy: string;
  reason: string;
  dueBy: string;
  issuedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgement: string | null;
  open: boolean;
}

export interface WatchedCase {
  id: string;
  reference: string;
  title: string;
  tier: 'blue' | 'yellow' | 'red';
  status: string;
  gridCode: string;
  communityCode: string;
  risk: 'at_risk' | 'overdue';
  deadline: {
    timerId: string | null;
    dueAt: string | null;
    countedIn: 'working_time' | 'calendar_time';
    windowMs: number;
    remainingMs: number;
    shareLeft: number;
  };
  openNotices: number;
}

export interface WatchList {
  generatedAt: string;
  share: number;
  units: { unitCode: string; atRisk: number; overdue: number }[];
  cases: WatchedCase[];
  truncated: boolean;
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  makeUpDays: string[];
  source?: string;
  origin: 'official' | 'edited';
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarView {
  timeZone: string;
  workingHours: { start: string; end: string }[];
  coveredYears: number[];
  years: CalendarYear[];
}

export interface CalendarEdit {
  year: CalendarYear;
  retiming: { jobId: string; queued: boolean };
}

/** GET /reports/monthly as JSON, as the API documents it (generated from docs/openapi.json). */
export type MonthlyReport =
  import('../../../../libs/api-client/src').components['schemas']['MonthlyReport'];

export interface AgendaCase {
  id: string;
  reference: string;
  title: string;
  gridCode: string;
  tier: 'blue' | 'yellow' | 'red';
  status: string;
  openedAt: string;
  nextDeadlineAt: string | null;
  overdue: boolean;
}

export interface AgendaEscalation {
  disputeId: string;
  reference: string;
  title: string;
  gridCode: string;
  fromTier: string;
  toTier: string;
  at: string;
  event: string;
  automatic: boolean;
  by: { id: string; role: string; name: string };
  reason: string;
}

export interface AgendaReport {
  id: string;
  reference: string;
  gridCode: string;
  category: string;
  urgency: string;
  status: string;
  summary: string;
  overdue: boolean;
}

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
}

export interface AgendaSection {
  community: { code: string; name: string };
  counts: AgendaCounts;
  open: AgendaCase[];
  overdue: AgendaCase[];
  escalated: AgendaEscalation[];
  reports: AgendaReport[];
  supervision: AgendaSupervision[];
}

export interface AgendaCounts {
  open: number;
  overdue: number;
  escalated: number;
  openByTier: Record<'blue' | 'yellow' | 'red', number>;
}

interface AgendaHeader {
  id: string;
  unit: { code: string; name: string };
  generatedAt: string;
  escalatedSince: string;
  counts: AgendaCounts;
}

export type Agenda =
  | (AgendaHeader & { kind: 'community' } & Omit<AgendaSection, 'community' | 'counts'>)
  | (AgendaHeader & { kind: 'street'; communities: AgendaSection[] });
