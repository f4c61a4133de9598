import type { DisputeEntity, PartyRecord } from '@tricolor/persistence';
import {
  isHandler,
  type Actor,
  type AgreementRecord,
  type DisputeContext,
  type EscalationRecord,
  type MediationType,
  type Outcome,
  type PanelMember,
  type PersistedWorkflow,
  type Status,
  type Tier,
  type TimerEntry,
} from '@tricolor/workflow';

export interface DeadlineView {
  timerId: string;
  kind: TimerEntry['kind'];
  dueAt: string;
  state: string;
  /** `working_time` when counted on the business calendar (3WD), else wall-clock time. */
  countedIn?: 'working_time';
  /** Set when the count reached a year with no calendar data and fell back to calendar days. */
  calendarWarning?: string;
}

/** A case as the API returns it. */
export interface DisputeView {
  id: string;
  reference: string;
  title: string;
  description: string;
  category: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  tier: Tier;
  highestTier: Tier;
  status: Status;
  outcome: Outcome | null;
  overdue: boolean;
  version: number;
  parties: PartyRecord[];
  amount: number | null;
  riskAssessment: unknown;
  /** Every running clock but the reminders, soonest first. */
  deadlines: DeadlineView[];
  nextDeadlineAt: string | null;
  suspendedFrom: Status | null;
  officerId: string | null;
  lawyerId: string | null;
  panel: PanelMember[];
  agreement: AgreementRecord | null;
  lastEscalation: EscalationRecord | null;
  closingReason: string | null;
  /** What the People's Mediation Law has the case record (docs/law.md). */
  law: LawRecords;
  /** 人民调解 / 治安调解 / 诉前·法院调解 (people / police / court): which body counts the case. */
  mediationType: MediationType;
  /** PML Art. 23: mediated not in public at a party's request; the weekly agenda is redacted. */
  private: boolean;
  linkedCaseId: string | null;
  /** The 社情 report the case was opened from. */
  reportId: string | null;
  /** Where the case is (WGS 84); only ever sent to those who may see the case. */
  location: { lon: number; lat: number } | null;
  openedBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** Keeps the last digits so a caller can tell numbers apart without learning them. */
export function mask(value: string | undefined, keep: number): string | undefined {
  if (value === undefined) return undefined;
  return value.length <= keep
    ? '*'.repeat(value.length)
    : '*'.repeat(value.length - keep) + value.slice(-keep);
}

export function deadlinesOf(workflow: PersistedWorkflow): DeadlineView[] {
  return workflow.context.timers
    .filter((t) => t.kind !== 'reminder' && t.kind !== 'confirmation_reminder')
    .map((t) => ({
      timerId: t.id,
      kind: t.kind,
      dueAt: t.dueAt,
      state: t.scope,
      ...(t.working ? { countedIn: 'working_time' as const } : {}),
      ...(t.working?.fallbackYears?.length
        ? {
            calendarWarning: `no business calendar for ${t.working.fallbackYears.join(', ')}: counted in calendar days`,
          }
        : {}),
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The soonest clock that moves the case (a deadline or follow-up), for lists and overdue filters. */
export function nextDeadlineOf(workflow: PersistedWorkflow): Date | null {
  const due = workflow.context.timers
    .filter((t) => t.fires !== null)
    .map((t) => Date.parse(t.dueAt))
    .sort((a, b) => a - b)[0];
  return due === undefined ? null : new Date(due);
}

export type LawRecords = Pick<
  DisputeContext,
  | 'source'
  | 'consents'
  | 'rightsNotices'
  | 'routesNotice'
  | 'otherRoute'
  | 'screening'
  | 'policeReportRequired'
  | 'policeReports'
  | 'recusals'
  | 'priorAgreements'
>;

/** A closed case of machine version 1 is never migrated on disk: it has none of these. */
function lawRecordsOf(ctx: Partial<DisputeContext>): LawRecords {
  return {
    source: ctx.source ?? null,
    consents: ctx.consents ?? [],
    rightsNotices: ctx.rightsNotices ?? [],
    routesNotice: ctx.routesNotice ?? null,
    otherRoute: ctx.otherRoute ?? null,
    screening: ctx.screening ?? null,
    policeReportRequired: ctx.policeReportRequired ?? false,
    policeReports: ctx.policeReports ?? [],
    recusals: ctx.recusals ?? [],
    priorAgreements: ctx.priorAgreements ?? [],
  };
}

/** Phone and ID numbers are masked for anyone not handling the case (§4). */
export function toDisputeView(d: DisputeEntity, viewer: Actor): DisputeView {
  const workflow = d.snapshot;
  const ctx = workflow.context;
  const handling = d.status !== 'closed' && isHandler(ctx, viewer);
  const parties = handling
    ? d.parties
    : d.parties.map((p) => ({
        ...p,
        ...(p.phone !== undefined ? { phone: mask(p.phone, 4) } : {}),
        ...(p.idNumber !== undefined ? { idNumber: mask(p.idNumber, 4) } : {}),
      }));
  return {
    id: d.id,
    reference: d.reference,
    title: d.title,
    description: d.description,
    category: d.category,
    gridCode: d.gridCode,
    communityCode: d.communityCode,
    streetCode: d.streetCode,
    tier: d.tier,
    highestTier: d.highestTier,
    status: d.status,
    outcome: d.outcome,
    overdue: d.overdue,
    version: d.version,
    parties,
    amount: d.amount,
    riskAssessment: d.riskAssessment,
    deadlines: deadlinesOf(workflow),
    nextDeadlineAt: d.nextDeadlineAt ? d.nextDeadlineAt.toISOString() : null,
    suspendedFrom: ctx.suspendedFrom,
    officerId: ctx.officerId,
    lawyerId: ctx.lawyerId,
    panel: ctx.panel,
    agreement: ctx.agreement,
    lastEscalation: ctx.lastEscalation,
    closingReason: ctx.closingReason,
    law: lawRecordsOf(ctx),
    mediationType: d.mediationType ?? 'people',
    private: d.inPrivate ?? false,
    linkedCaseId: d.linkedCaseId,
    reportId: d.reportId ?? null,
    location: d.lon != null && d.lat != null ? { lon: d.lon, lat: d.lat } : null,
    openedBy: d.openedBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    closedAt: d.closedAt ? d.closedAt.toISOString() : null,
  };
}
