import type { MediationType, Outcome, Tier } from '@tricolor/workflow';

/**
 * 人民调解工作统计: one unit's month. Built by `aggregateMonthly` from plain facts, which the
 * service reads from the tables and a test rebuilds from the audit events alone.
 */
export interface MonthlyReport {
  unit: string;
  month: string;
  /** The month in Beijing time, as instants. */
  from: string;
  to: string;
  accepted: Breakdown & { amount: number };
  closed: Breakdown & { byOutcome: Record<string, number> };
  mediation: { concluded: number; successful: number; successRate: number | null };
  agreements: { written: number; oral: number; amount: number };
  performance: { full: number; partial: number; none: number };
  judicialConfirmation: { applied: number; granted: number; refused: number };
  /** Cases resolved in the month by the tier that settled them: the 小事不出网格 shares. */
  settledByTier: { blue: number; yellow: number; red: number; total: number; shares: TierShares };
  /** Cases that missed a deadline (a DEADLINE_EXPIRED record) in the month. */
  overdue: number;
  /** Supervision before a breach (督办), from the SUPERVISION_* records. */
  supervision: SupervisionFigures;
}

export interface SupervisionFigures {
  /** Notices issued in the month. */
  issued: number;
  /** Distinct cases a notice was issued on in the month. */
  pressedCases: number;
  /** Acknowledgements recorded in the month. */
  acknowledged: number;
  /** Notices whose time (dueBy) fell in the month, and has passed, without an answer by then. */
  pastDueUnacknowledged: number;
  /** Distinct cases that missed a deadline in the month after a notice had pressed on them. */
  breachedAfterPressing: number;
}

export interface Breakdown {
  total: number;
  /** 人民调解 / 治安调解 / 诉前·法院调解: each body counts its own (issue 16, point 9). */
  byMediationType: Record<MediationType, number>;
  bySource: Record<string, number>;
  byCategory: Record<string, number>;
  byTier: Record<Tier, number>;
}

export interface TierShares {
  blue: number | null;
  yellow: number | null;
  red: number | null;
}

/** One case as the report needs it. */
export interface ReportCase {
  id: string;
  source: string;
  /** Absent: people's mediation (cases opened before the type was recorded). */
  mediationType?: MediationType;
  category: string;
  openedTier: Tier;
  amount: number | null;
  createdAt: Date;
  closedAt: Date | null;
  outcome: Outcome | null;
  /** The tier the case was at when it closed. */
  closedTier: Tier | null;
}

export interface ReportAgreement {
  disputeId: string;
  reachedAt: Date;
  form: 'written' | 'oral';
}

/** Records of the MONTHLY_REPORT_EVENT_TYPES (any month: supervision looks back). */
export interface ReportEvent {
  disputeId: string;
  type: string;
  at: Date;
  payload: Record<string, unknown>;
}

export const MONTHLY_REPORT_EVENT_TYPES = [
  'REQUEST_JUDICIAL_CONFIRMATION',
  'RECORD_CONFIRMATION',
  'RECORD_FOLLOW_UP',
  'DEADLINE_EXPIRED',
  'SUPERVISION_NOTICE',
  'SUPERVISION_ACKNOWLEDGED',
] as const;

/**
 * Outcomes that end mediation without an agreement (the failures of the success rate). A case
 * not accepted was never mediated, and one the parties settled themselves did not fail: both
 * are counted under their own outcome, not here.
 */
const FAILED: readonly Outcome[] = [
  'withdrawn',
  'refused',
  'transferred',
  'referred_to_litigation',
  'other_route',
];

const BEIJING_MS = 8 * 3600_000;

/** [from, to) of a YYYY-MM month in Beijing time (UTC+8, no daylight saving). */
export function monthWindow(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - BEIJING_MS),
    to: new Date(Date.UTC(y, m, 1) - BEIJING_MS),
  };
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};
const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
const cents = (n: number) => Math.round(n * 100) / 100;

export function aggregateMonthly(
  unit: string,
  month: string,
  cases: readonly ReportCase[],
  agreements: readonly ReportAgreement[],
  events: readonly ReportEvent[],
  now: Date = new Date(),
): MonthlyReport {
  const { from, to } = monthWindow(month);
  const inMonth = (at: Date | null) => at !== null && at >= from && at < to;
  const byId = new Map(cases.map((c) => [c.id, c]));

  const breakdown = (): Breakdown => ({
    total: 0,
    byMediationType: { people: 0, police: 0, court: 0 },
    bySource: {},
    byCategory: {},
    byTier: { blue: 0, yellow: 0, red: 0 },
  });
  const accepted = { ...breakdown(), amount: 0 };
  const closed = { ...breakdown(), byOutcome: {} as Record<string, number> };
  const settled = { blue: 0, yellow: 0, red: 0 };
  let failed = 0;
  for (const c of cases) {
    if (inMonth(c.createdAt)) {
      accepted.total += 1;
      accepted.byMediationType[c.mediationType ?? 'people'] += 1;
      bump(accepted.bySource, c.source);
      bump(accepted.byCategory, c.category);
      accepted.byTier[c.openedTier] += 1;
      accepted.amount += c.amount ?? 0;
    }
    if (inMonth(c.closedAt) && c.closedTier !== null) {
      closed.total += 1;
      closed.byMediationType[c.mediationType ?? 'people'] += 1;
      bump(closed.bySource, c.source);
      bump(closed.byCategory, c.category);
      closed.byTier[c.closedTier] += 1;
      bump(closed.byOutcome, c.outcome ?? 'unknown');
      if (c.outcome === 'resolved') settled[c.closedTier] += 1;
      if (c.outcome !== null && FAILED.includes(c.outcome)) failed += 1;
    }
  }
  const reached = agreements.filter((a) => inMonth(a.reachedAt));
  const monthEvents = events.filter((e) => inMonth(e.at));
  const count = (type: string, test: (p: Record<string, unknown>) => boolean = () => true) =>
    monthEvents.filter((e) => e.type === type && test(e.payload)).length;
  const settledTotal = settled.blue + settled.yellow + settled.red;
  return {
    unit,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    accepted: { ...accepted, amount: cents(accepted.amount) },
    closed,
    mediation: {
      concluded: reached.length + failed,
      successful: reached.length,
      successRate: ratio(reached.length, reached.length + failed),
    },
    agreements: {
      written: reached.filter((a) => a.form === 'written').length,
      oral: reached.filter((a) => a.form === 'oral').length,
      amount: cents(reached.reduce((sum, a) => sum + (byId.get(a.disputeId)?.amount ?? 0), 0)),
    },
    performance: {
      full: count('RECORD_FOLLOW_UP', (p) => p.performed === 'full'),
      partial: count('RECORD_FOLLOW_UP', (p) => p.performed === 'partial'),
      none: count('RECORD_FOLLOW_UP', (p) => p.performed === 'none'),
    },
    judicialConfirmation: {
      applied: count('REQUEST_JUDICIAL_CONFIRMATION'),
      // The court's answer is `result` since machine version 2; `confirmed` is the contract's.
      granted: count(
        'RECORD_CONFIRMATION',
        (p) => p.result === 'confirmed' || (p.result === undefined && p.confirmed === true),
      ),
      refused: count(
        'RECORD_CONFIRMATION',
        (p) =>
          p.result === 'rejected' ||
          p.result === 'not_accepted' ||
          (p.result === undefined && p.confirmed === false),
      ),
    },
    settledByTier: {
      ...settled,
      total: settledTotal,
      shares: {
        blue: ratio(settled.blue, settledTotal),
        yellow: ratio(settled.yellow, settledTotal),
        red: ratio(settled.red, settledTotal),
      },
    },
    overdue: new Set(
      monthEvents.filter((e) => e.type === 'DEADLINE_EXPIRED').map((e) => e.disputeId),
    ).size,
    supervision: supervisionFigures(events, inMonth, now),
  };
}

/**
 * 督办 in the month. A notice counts where it was issued; one answered late or never counts in
 * the month its time ran out; a case "breached after pressing" missed a deadline in the month
 * after a notice (of any month) was issued on it.
 */
export function supervisionFigures(
  events: readonly ReportEvent[],
  inMonth: (at: Date) => boolean,
  now: Date,
): SupervisionFigures {
  const notices = events.filter((e) => e.type === 'SUPERVISION_NOTICE');
  const answeredAt = new Map<string, Date>();
  for (const e of events) {
    if (e.type === 'SUPERVISION_ACKNOWLEDGED' && typeof e.payload.noticeId === 'string')
      answeredAt.set(e.payload.noticeId, e.at);
  }
  const issued = notices.filter((n) => inMonth(n.at));
  const pastDue = notices.filter((n) => {
    const dueBy = typeof n.payload.dueBy === 'string' ? new Date(n.payload.dueBy) : null;
    // Only a time that has run out: a notice due later this month is not late yet.
    if (!dueBy || !inMonth(dueBy) || dueBy > now) return false;
    const answered = answeredAt.get(String(n.payload.noticeId));
    return answered === undefined || answered > dueBy;
  });
  const firstPressed = new Map<string, number>();
  for (const n of notices) {
    const at = n.at.getTime();
    firstPressed.set(n.disputeId, Math.min(at, firstPressed.get(n.disputeId) ?? at));
  }
  const breached = new Set(
    events
      .filter(
        (e) =>
          e.type === 'DEADLINE_EXPIRED' &&
          inMonth(e.at) &&
          (firstPressed.get(e.disputeId) ?? Infinity) <= e.at.getTime(),
      )
      .map((e) => e.disputeId),
  );
  return {
    issued: issued.length,
    pressedCases: new Set(issued.map((n) => n.disputeId)).size,
    acknowledged: events.filter((e) => e.type === 'SUPERVISION_ACKNOWLEDGED' && inMonth(e.at))
      .length,
    pastDueUnacknowledged: pastDue.length,
    breachedAfterPressing: breached.size,
  };
}
