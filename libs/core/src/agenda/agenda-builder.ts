import { SYSTEM_ACTOR_ID, TIERS, type Tier } from '@tricolor/workflow';
import type {
  Agenda,
  AgendaCase,
  AgendaCounts,
  AgendaEscalation,
  AgendaKind,
  AgendaReport,
  AgendaSection,
  AgendaUnit,
} from './agenda.types';
import type { AgendaSources, EscalationRow, OpenCaseRow, ReportRow } from './agenda-sources.types';
import { escalationReason } from './escalation-reason';

/** The agenda lists escalations of the week before the meeting. */
export const ESCALATION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export const escalationWindowStart = (now: Date): Date =>
  new Date(now.getTime() - ESCALATION_WINDOW_MS);

/** Overdue: flagged by a timer (red), or a deadline passed that no timer has acted on yet. */
export const isOverdue = (c: Pick<OpenCaseRow, 'overdue' | 'nextDeadlineAt'>, now: Date): boolean =>
  c.overdue || (c.nextDeadlineAt !== null && c.nextDeadlineAt.getTime() < now.getTime());

const severity = (tier: Tier): number => TIERS.indexOf(tier);

// The hardest cases first, then the most pressing deadline; cases without one come last.
function byUrgency(a: AgendaCase, b: AgendaCase): number {
  return (
    severity(b.tier) - severity(a.tier) ||
    (a.nextDeadlineAt ?? '\uffff').localeCompare(b.nextDeadlineAt ?? '\uffff') ||
    a.reference.localeCompare(b.reference)
  );
}

// localeCompare with no locale is this collator's compare (ECMA-402), minus a lookup per call.
const collator = new Intl.Collator();

/**
 * byUrgency on the rows read, before they become agenda items (ISO instants order as their
 * times do): used to keep the most urgent few of a long stream of rows.
 */
export function rowsByUrgency(
  a: Pick<OpenCaseRow, 'tier' | 'nextDeadlineAt' | 'reference'>,
  b: Pick<OpenCaseRow, 'tier' | 'nextDeadlineAt' | 'reference'>,
): number {
  return (
    severity(b.tier) - severity(a.tier) ||
    (a.nextDeadlineAt?.getTime() ?? Infinity) - (b.nextDeadlineAt?.getTime() ?? Infinity) ||
    collator.compare(a.reference, b.reference)
  );
}

/**
 * PML Arts. 15, 23: a case mediated in private at a party's request goes on the weekly agenda
 * with what the meeting needs to act on it — reference, grid, tier, status, deadlines, who moved
 * it — and nothing of its content: no title, no reason that would retell it.
 */
const REDACTED = '';

function toAgendaCase(row: OpenCaseRow, now: Date): AgendaCase {
  const redact = row.inPrivate ?? false;
  return {
    id: row.id,
    reference: row.reference,
    title: redact ? REDACTED : row.title,
    gridCode: row.gridCode,
    tier: row.tier,
    status: row.status,
    openedAt: row.createdAt.toISOString(),
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    private: redact,
  };
}

function toAgendaEscalation(row: EscalationRow): AgendaEscalation {
  const automatic = row.actorId === SYSTEM_ACTOR_ID;
  const redact = row.inPrivate ?? false;
  return {
    disputeId: row.disputeId,
    reference: row.reference,
    title: redact ? REDACTED : row.title,
    gridCode: row.gridCode,
    fromTier: row.fromTier,
    toTier: row.toTier,
    event: row.type,
    automatic,
    by: {
      id: row.actorId,
      role: row.actorRole,
      name: row.actorName ?? (automatic ? 'system' : row.actorId),
    },
    reason: redact ? REDACTED : escalationReason(row.type, row.payload, row.fromStatus),
    at: row.at.toISOString(),
    status: row.status,
    private: redact,
  };
}

function toAgendaReport(row: ReportRow, now: Date): AgendaReport {
  return {
    id: row.id,
    reference: row.reference,
    gridCode: row.gridCode,
    category: row.category,
    urgency: row.urgency,
    status: row.status,
    summary: row.summary,
    filedAt: row.createdAt.toISOString(),
    disputeId: row.disputeId,
    overdue:
      row.status === 'open' && row.lookedAt === null && row.reviewDueAt.getTime() <= now.getTime(),
  };
}

export function emptyCounts(): AgendaCounts {
  return { open: 0, overdue: 0, escalated: 0, openByTier: { blue: 0, yellow: 0, red: 0 } };
}

export function countsOf(
  open: readonly AgendaCase[],
  escalated: readonly AgendaEscalation[],
): AgendaCounts {
  const counts = emptyCounts();
  for (const c of open) {
    counts.open += 1;
    counts.openByTier[c.tier] += 1;
    if (c.overdue) counts.overdue += 1;
  }
  counts.escalated = new Set(escalated.map((e) => e.disputeId)).size;
  return counts;
}

export function sumCounts(all: readonly AgendaCounts[]): AgendaCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.open += c.open;
    total.overdue += c.overdue;
    total.escalated += c.escalated;
    for (const tier of TIERS) total.openByTier[tier] += c.openByTier[tier];
  }
  return total;
}

/** One section per community of the sources, in the order given, each with its own cases. */
export function buildSections(sources: AgendaSources, now: Date): AgendaSection[] {
  return sources.communities.map((community) => {
    const open = sources.openCases
      .filter((c) => c.communityCode === community.code)
      .map((c) => toAgendaCase(c, now))
      .sort(byUrgency);
    const escalated = sources.escalations
      .filter((e) => e.communityCode === community.code)
      .map(toAgendaEscalation)
      .sort((a, b) => b.at.localeCompare(a.at) || a.reference.localeCompare(b.reference));
    const reports = (sources.reports ?? [])
      .filter((r) => r.communityCode === community.code)
      .map((r) => toAgendaReport(r, now))
      .sort((a, b) => b.filedAt.localeCompare(a.filedAt) || a.reference.localeCompare(b.reference));
    const supervision = (sources.supervision ?? [])
      .filter((n) => n.communityCode === community.code)
      .map(({ communityCode: _c, dueBy, issuedAt, inPrivate, ...n }) => ({
        ...n,
        ...(inPrivate ? { title: REDACTED, reason: REDACTED } : {}),
        dueBy: dueBy.toISOString(),
        issuedAt: issuedAt.toISOString(),
        private: inPrivate ?? false,
      }))
      .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
    const whole = sources.openCounts?.[community.code];
    return {
      community,
      counts: whole
        ? {
            ...whole,
            openByTier: { ...whole.openByTier },
            escalated: countsOf([], escalated).escalated,
          }
        : countsOf(open, escalated),
      open,
      overdue: open.filter((c) => c.overdue),
      escalated,
      reports,
      supervision,
    };
  });
}

export interface AgendaHeaderInput {
  id: string;
  kind: AgendaKind;
  unit: AgendaUnit;
  now: Date;
}

/** A community's agenda is its one section; a street's lists every community's. */
export function assembleAgenda(header: AgendaHeaderInput, sections: AgendaSection[]): Agenda {
  const common = {
    id: header.id,
    unit: header.unit,
    generatedAt: header.now.toISOString(),
    escalatedSince: escalationWindowStart(header.now).toISOString(),
  };
  if (header.kind === 'street') {
    return {
      ...common,
      kind: 'street',
      counts: sumCounts(sections.map((s) => s.counts)),
      communities: sections,
    };
  }
  const own = sections.find((s) => s.community.code === header.unit.code);
  return {
    ...common,
    kind: 'community',
    counts: own?.counts ?? emptyCounts(),
    open: own?.open ?? [],
    overdue: own?.overdue ?? [],
    escalated: own?.escalated ?? [],
    reports: own?.reports ?? [],
    supervision: own?.supervision ?? [],
  };
}
