import type { Status, Tier, TimerKind } from '@tricolor/workflow';

/** What every message says about the case. */
export interface CaseFacts {
  reference: string;
  status: Status;
  streetCode: string;
}

const TIER_RANK: Record<Tier, number> = { blue: 0, yellow: 1, red: 2 };

// A reminder names what is due: the timer it reminds of, or the reminder timer itself.
const DUE_THING: Record<TimerKind, { what: string; verb: string }> = {
  deadline: { what: 'Deadline', verb: 'is due' },
  reminder: { what: 'Deadline', verb: 'is due' },
  follow_up: { what: 'Follow-up visit', verb: 'is due' },
  confirmation_window: { what: 'Judicial-confirmation window', verb: 'closes' },
  confirmation_reminder: { what: 'Judicial-confirmation window', verb: 'closes' },
};

/** `2025-03-03 08:00 UTC`: unambiguous for readers in any time zone. */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const caseRef = (c: CaseFacts): string => `case ${c.reference} (${c.status})`;

export function reminderMessage(c: CaseFacts, timerKind: TimerKind, dueAt: Date): string {
  const { what, verb } = DUE_THING[timerKind];
  return `${what} for ${caseRef(c)} ${verb} at ${formatTime(dueAt)}.`;
}

export function acceptanceOverdueMessage(c: CaseFacts, at: Date): string {
  return (
    `Acceptance of ${caseRef(c)} in street ${c.streetCode} is overdue: no judicial officer ` +
    `had accepted it by ${formatTime(at)}. Accept it, naming the officer and the lawyer.`
  );
}

export function redOverdueMessage(c: CaseFacts, at: Date): string {
  const what =
    c.status === 'red.convening'
      ? 'the panel was not convened'
      : c.status === 'red.panelMediation'
        ? 'the panel did not conclude mediation'
        : 'its deadline passed';
  return `${capitalise(caseRef(c))} in street ${c.streetCode} is overdue: ${what} by ${formatTime(at)}.`;
}

export interface EscalationFacts {
  from: Tier;
  to: Tier;
  automatic: boolean;
  reason: string | null;
  at: Date;
}

export function escalationMessage(c: CaseFacts, e: EscalationFacts): string {
  const moved = TIER_RANK[e.to] > TIER_RANK[e.from] ? 'escalated' : 'moved down';
  const how = e.automatic ? ' automatically, because its deadline passed,' : '';
  const reason = e.reason ? ` Reason: ${e.reason}` : '';
  return (
    `Case ${c.reference} was ${moved} from ${e.from} to ${e.to}${how} at ${formatTime(e.at)} ` +
    `and is now ${c.status}.${reason}`
  );
}

export function confirmationWindowMessage(c: CaseFacts, closing: boolean, endsAt: Date): string {
  // People's Mediation Law Art. 33: the parties apply jointly, within 30 days of the agreement.
  return closing
    ? `The judicial-confirmation window for ${caseRef(c)} closed at ${formatTime(endsAt)}: ` +
        'the parties can no longer apply jointly to a court to confirm the agreement.'
    : `The judicial-confirmation window for ${caseRef(c)} closes at ${formatTime(endsAt)}: ` +
        'until then the parties may apply jointly to a court to confirm the agreement.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** PML Art. 25: the report reaches the police; the citizens' names stay on the case page. */
export function policeReportMessage(
  c: CaseFacts,
  report: { risk: string; station: string | null; at: Date },
): string {
  return (
    `Report to the police (People's Mediation Law Art. 25) on ${caseRef(c)} in street ` +
    `${c.streetCode}: risk of ${report.risk.replace('_', ' ')}` +
    `${report.station ? `, reported to ${report.station}` : ''} at ${formatTime(report.at)}. ` +
    'The case stays open in mediation; see the case for the details.'
  );
}
