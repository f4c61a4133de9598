import type { ConcernedPerson } from '@tricolor/persistence';
import type { OpenDisputeCommand } from '../disputes/commands';
import type { ReportCategory, ReportStatus, ReportUrgency } from './rules/vocabulary';

/** What filing a 社情 report takes; the HTTP DTO validates this shape. */
export interface FileReportCommand {
  gridCode: string;
  category: ReportCategory;
  urgency?: ReportUrgency;
  summary: string;
  place: string;
  concerned?: ConcernedPerson[];
  photoRef?: string;
  location?: { lon: number; lat: number };
}

export interface ListReportsFilter {
  /** A Shanghai calendar date, YYYY-MM-DD: the reports filed that day. */
  day?: string;
  status?: ReportStatus;
  category?: ReportCategory;
  /** A street, community or grid code. */
  unit?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** The intake form as a report fills it in: OpenDisputeCommand without the internal fields. */
export type IntakePrefill = Omit<OpenDisputeCommand, 'reportId' | 'linkedCaseId'>;

/** What converting takes: the intake form's fields the caller changed or completed. */
export type ConvertOverrides = Partial<Omit<IntakePrefill, 'gridCode'>>;

/** Checks the merged intake form as POST /disputes would, naming the field of any problem. */
export type IntakeCheck = (form: IntakePrefill) => Promise<IntakePrefill>;
