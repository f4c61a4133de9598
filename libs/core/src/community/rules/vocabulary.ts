/** The words of the community police room (issue 15). Every string here is part of the API. */

/** What a 社情 report is about. */
export const REPORT_CATEGORIES = [
  'dispute_risk',
  'fraud_risk',
  'safety_hazard',
  'public_order',
  'help_needed',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ReportUrgency = (typeof REPORT_URGENCIES)[number];

/** open: waiting for the police room; handled: closed with a note; converted: now a dispute. */
export const REPORT_STATUSES = ['open', 'handled', 'converted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The 1+1+2+N+N team: one cadre, one community police officer, two auxiliary police, N + N. */
export const TEAM_ROLES = [
  'cadre',
  'community_police',
  'auxiliary_police',
  'grid_worker',
  'volunteer',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The record types of a report's audit trail. */
export const REPORT_EVENT_TYPES = [
  'FILED',
  'HANDLED',
  'ASSIGNED',
  'CONVERTED',
  'FLAGGED_OVERDUE',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];
