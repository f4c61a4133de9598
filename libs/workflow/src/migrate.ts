import type { AgreementRecord, DisputeContext } from './context';
import { statusOf } from './status';
import type { PersistedWorkflow } from './persisted';

/**
 * Snapshot migrations, one per machine version: a case persisted by an older statechart is
 * brought to the current one explicitly, never guessed at when it is stepped. Each step says
 * what it did, so the server can record the migration in the case's audit trail.
 */
export interface Migrated {
  state: PersistedWorkflow;
  fromVersion: number;
  toVersion: number;
  /** What changed, in words, for the audit record. */
  notes: string[];
}

type Step = (state: PersistedWorkflow) => { state: PersistedWorkflow; notes: string[] };

/**
 * Version 1 → 2 (the People's Mediation Law review, docs/law.md). Every version-1 state exists
 * in version 2 with the same meaning, so the state value and the timers are kept as they are;
 * the context gains the records version 2 keeps. Nothing is invented: consent and the rights
 * notice were not recorded under version 1, so a case still mediating must record them
 * (RECORD_CONSENT) before an agreement; no police report was required of it.
 */
const v1ToV2: Step = (state) => {
  const old = state.context as Partial<DisputeContext> & DisputeContext;
  const status = statusOf(state.value);
  const context: DisputeContext = {
    ...old,
    source: old.source ?? null,
    consents: old.consents ?? [],
    rightsNotices: old.rightsNotices ?? [],
    routesNotice: old.routesNotice ?? null,
    otherRoute: old.otherRoute ?? null,
    screening: old.screening ?? null,
    policeReportRequired: old.policeReportRequired ?? false,
    policeReports: old.policeReports ?? [],
    personalStatus: old.personalStatus ?? false,
    priorAgreements: old.priorAgreements ?? [],
    recusals: old.recusals ?? [],
  };
  const notes = [`state ${status} kept; its ${old.timers.length} armed timer(s) kept unchanged`];
  if (['blue.mediating', 'yellow.jointReview', 'red.panelMediation'].includes(status))
    notes.push(
      'consent and the rights notice were not recorded under version 1: record them (RECORD_CONSENT) before an agreement',
    );
  if (old.agreement)
    notes.push(
      'the agreement was made under version 1: its form, committee, mediators and seal were not recorded, so it cannot be sent for judicial confirmation from here',
    );
  if (status === 'closed' && old.outcome !== 'resolved')
    notes.push('closed under version 1: the Art. 26 notice was not recorded (routesNotice null)');
  return { state: { ...state, machineVersion: 2, context }, notes };
};

/**
 * Version 2 → 3 (issue 16, points 8–9 and the window fix; docs/law.md). Every version-2 state
 * exists in version 3 with the same meaning; the state value, the armed and paused timers are
 * kept as they are. What version 3 reads that version 2 did not record:
 * - a party's capacity and guardian or agent: absent means full capacity, acting in person —
 *   what version 2 assumed of everyone;
 * - who signed for each party: a version-2 written agreement was signed by the parties
 *   themselves (their ids are its signature list), so `signatures` is derived from that list,
 *   nothing added;
 * - the Art. 33 window of a case version 2 had moved to followUp: version 2 cancelled its timers
 *   on the way. They are not re-armed (timer rows are never written by a migration); the window
 *   still runs by its date, so a joint application is accepted until it ends.
 */
const v2ToV3: Step = (state) => {
  const old = state.context;
  const status = statusOf(state.value);
  const signed = (a: AgreementRecord): AgreementRecord =>
    a.signatures !== undefined
      ? a
      : {
          ...a,
          signatures:
            a.form === 'oral'
              ? []
              : a.signedByPartyIds
                  .filter((id) => old.parties.some((p) => p.id === id))
                  .map((id) => ({ partyId: id, signedBy: id, as: 'party' as const })),
        };
  const context: DisputeContext = {
    ...old,
    agreement: old.agreement ? signed(old.agreement) : null,
    priorAgreements: old.priorAgreements.map(signed),
  };
  const notes = [
    `state ${status} kept; its ${old.timers.length} armed and ${old.pausedTimers.length} paused timer(s) kept unchanged`,
    'parties recorded under version 2 act in person, with full capacity (no guardian or agent on record)',
  ];
  if (old.agreement)
    notes.push('the agreement’s signatures are the parties’ own, as version 2 recorded them');
  const inFollowUp = status === 'followUp' || old.suspendedFrom === 'followUp';
  const window = old.agreement?.confirmationWindowEndsAt;
  if (inFollowUp && window && !old.timers.some((t) => t.kind === 'confirmation_window'))
    notes.push(
      `the judicial-confirmation window runs until ${window} (PML Art. 33); version 2 cancelled its timers at the follow-up, and a joint application is accepted until then`,
    );
  return { state: { ...state, machineVersion: 3, context }, notes };
};

/** MIGRATIONS[v] brings a version-v snapshot to version v + 1. */
const MIGRATIONS: Record<number, Step> = { 1: v1ToV2, 2: v2ToV3 };

/** Brings `state` to version `target`; throws for a version it cannot read. */
export function migrateWorkflow(state: PersistedWorkflow, target: number): Migrated {
  const fromVersion = state.machineVersion;
  const unreadable = () =>
    new Error(`snapshot version ${fromVersion} cannot be read by machine version ${target}`);
  if (fromVersion > target || !Number.isInteger(fromVersion)) throw unreadable();
  let current = state;
  const notes: string[] = [];
  while (current.machineVersion < target) {
    const migrate = MIGRATIONS[current.machineVersion];
    if (!migrate) throw unreadable();
    const next = migrate(current);
    current = next.state;
    notes.push(...next.notes);
  }
  return { state: current, fromVersion, toVersion: target, notes };
}
