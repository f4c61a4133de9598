import type { DisputeContext } from './context';
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

/** MIGRATIONS[v] brings a version-v snapshot to version v + 1. */
const MIGRATIONS: Record<number, Step> = { 1: v1ToV2 };

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
