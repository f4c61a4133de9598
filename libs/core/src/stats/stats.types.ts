import type { MediationType, Outcome, Status, Tier } from '@tricolor/workflow';

/** Which cases to count: those the actor may see, of a unit, opened in [from, to). */
export interface StatsQuery {
  /** A street, community or grid code. */
  unit?: string;
  from?: Date;
  to?: Date;
}

export interface TierCounts {
  /** Cases now at this tier, or closed at it. */
  total: number;
  open: number;
  closed: number;
  overdue: number;
  /** Closed cases by the outcome they closed with at this tier. */
  outcomes: Record<Outcome, number>;
}

/** A count and its share of the resolved cases; the share is null when none were resolved. */
export interface Settlement {
  count: number;
  share: number | null;
}

/** How long the cases that reached a tier spent at it, in total per case. */
export interface TierTime {
  cases: number;
  averageHours: number | null;
  medianHours: number | null;
}

/** GET /stats (DESIGN.md §1, §6). */
export interface Stats {
  unit: string | null;
  from: string | null;
  to: string | null;
  generatedAt: string;
  total: number;
  open: number;
  closed: number;
  /** Open cases flagged overdue or past their next deadline. */
  overdue: number;
  byTier: Record<Tier, TierCounts>;
  byStatus: Record<Status, number>;
  byOutcome: Record<Outcome, number>;
  /** Resolved cases (outcome `resolved`) by the tier they were settled at. */
  settled: {
    resolved: number;
    atTier: Record<Tier, Settlement>;
    /** Settled at the tier they were opened at or below it: never sent further up. */
    withoutEscalation: Settlement;
  };
  /**
   * 调解成功 apart from what followed (issue 16, point 9): cases whose agreement took effect,
   * those a court confirmed (PML Art. 33), and those performed in full (outcome `resolved`).
   */
  agreements: { reached: number; confirmed: number; performed: number };
  /**
   * By mediation type (人民调解 / 治安调解 / 诉前·法院调解): each body counts its own cases, so the
   * justice bureau, the police and the court never count one case three times.
   */
  byMediationType: Record<MediationType, MediationTypeCounts>;
  timePerTier: Record<Tier, TierTime>;
  /** Supervision notices (督办) on these cases. */
  supervision: SupervisionCounts;
}

export interface MediationTypeCounts {
  total: number;
  open: number;
  closed: number;
  agreementsReached: number;
  outcomes: Record<Outcome, number>;
}

export interface SupervisionCounts {
  issued: number;
  open: number;
  acknowledged: number;
  /** Open notices whose "by when" has passed. */
  openPastDue: number;
}

/** One row of the grouped count: how many cases share these values. */
export interface CaseGroup {
  tier: Tier;
  status: Status;
  outcome: Outcome | null;
  /** Open and overdue. */
  late: boolean;
  /** Resolved after going above the tier it was opened at (only worked out for resolved cases). */
  raised: boolean;
  cases: number;
  /** Absent (people's mediation) in groups made before mediation types were counted. */
  mediationType?: MediationType;
  /** Of these cases, how many reached an agreement / had one confirmed (absent: none). */
  agreementsReached?: number;
  confirmed?: number;
}

/** One row of the time-per-tier aggregate. */
export interface TierTimeRow {
  tier: Tier;
  cases: number;
  averageHours: number | null;
  medianHours: number | null;
}
