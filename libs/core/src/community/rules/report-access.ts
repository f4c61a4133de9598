import type { Actor } from '@tricolor/workflow';

/** Where a report sits. */
export interface ReportPlace {
  gridCode: string;
  communityCode: string;
  streetCode: string;
}

/** The people a report names besides its place: who filed it and who follows it up. */
export interface ReportPeople extends ReportPlace {
  filedBy: string;
  assigneeId: string | null;
}

/** An SQL condition on community_reports (alias `r`); null sees everything. */
export interface ReportScope {
  sql: string;
  params: Record<string, string>;
}

/**
 * Which reports exist for the actor: the same jurisdiction as cases (DESIGN.md §4), with the
 * team's two new roles: auxiliary police see their community, volunteers their grid. Panel
 * members and lawyers work on cases, not on the community's daily reports.
 */
export function reportScope(actor: Actor): ReportScope | null {
  const on = (sql: string, params: Record<string, string>): ReportScope => ({ sql, params });
  switch (actor.role) {
    case 'admin':
    case 'system':
      return null;
    case 'grid_worker':
    case 'volunteer':
      return on('r.grid_code = :reportGrid', { reportGrid: actor.gridCode ?? '' });
    case 'community_police':
    case 'auxiliary_police':
      return on('r.community_code = :reportCommunity', {
        reportCommunity: actor.communityCode ?? '',
      });
    case 'judicial_officer':
    case 'supervisor':
      return on('r.street_code = :reportStreet', { reportStreet: actor.streetCode ?? '' });
    case 'panel_member':
    case 'lawyer':
      return on('1 = 0', {});
  }
}

/** `reportScope` for one report in memory. */
export function maySeeReport(actor: Actor, report: ReportPlace): boolean {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return true;
    case 'grid_worker':
    case 'volunteer':
      return actor.gridCode === report.gridCode;
    case 'community_police':
    case 'auxiliary_police':
      return actor.communityCode === report.communityCode;
    case 'judicial_officer':
    case 'supervisor':
      return actor.streetCode === report.streetCode;
    case 'panel_member':
    case 'lawyer':
      return false;
  }
}

/** Who may file a report in a grid, or why not. */
export function fileRefusal(actor: Actor, grid: ReportPlace): string | null {
  const ok =
    ((actor.role === 'grid_worker' || actor.role === 'volunteer') &&
      actor.gridCode === grid.gridCode) ||
    ((actor.role === 'community_police' || actor.role === 'auxiliary_police') &&
      actor.communityCode === grid.communityCode);
  return ok
    ? null
    : `a ${actor.role} may not file a report in grid ${grid.gridCode}: grid workers and volunteers file in their own grid, community and auxiliary police in their community`;
}

/**
 * Who works a report (marks it handled, assigns its follow-up): the community's police and
 * auxiliary police, the street's supervisors, and the team member it was assigned to.
 */
export function actRefusal(actor: Actor, report: ReportPeople): string | null {
  const ok =
    actor.role === 'admin' ||
    ((actor.role === 'community_police' || actor.role === 'auxiliary_police') &&
      actor.communityCode === report.communityCode) ||
    (actor.role === 'supervisor' && actor.streetCode === report.streetCode) ||
    (report.assigneeId !== null && actor.id === report.assigneeId);
  return ok
    ? null
    : `only the police of community ${report.communityCode}, the supervisors of street ${report.streetCode} or the assigned team member work this report`;
}

/** How much of the people a report names the viewer sees. */
export type Disclosure = 'full' | 'masked' | 'none';

/**
 * Full for those who work on it (its filer, the community's police and auxiliary police, its
 * assignee), as a case shows its parties to its handlers; the last digits only for everyone
 * else who may see it; nothing personal at all for volunteers, even on the reports they filed.
 */
export function disclosureFor(actor: Actor, report: ReportPeople): Disclosure {
  if (actor.role === 'volunteer') return 'none';
  if (actor.id === report.filedBy || actor.id === report.assigneeId) return 'full';
  if (
    (actor.role === 'community_police' || actor.role === 'auxiliary_police') &&
    actor.communityCode === report.communityCode
  ) {
    return 'full';
  }
  return 'masked';
}
