import { createActor, getNextTransitions, initialTransition, type ActorScope } from 'xstate';
import type { Actor, DisputeInput } from './context';
import type { Outcome, Status, Tier } from './domain';
import { EVENT_TYPES, type EventType, type WorkflowEvent } from './events';
import { disputeMachine, MACHINE_ID, MACHINE_VERSION } from './machine';
import { migrateWorkflow } from './migrate';
import type { PersistedWorkflow } from './persisted';
import { coded, refusal, type CodedRefusal, type RefusalCode } from './refusals';
import { ruleRefusal, whoRefusal } from './rules';
import { statusOf } from './status';
import type { TimerEntry } from './timers';

export type { PersistedWorkflow } from './persisted';

/** What a case looks like to the rest of the system after a step. */
export interface WorkflowView {
  state: PersistedWorkflow;
  status: Status;
  tier: Tier;
  highestTier: Tier;
  outcome: Outcome | null;
  overdue: boolean;
  timers: TimerEntry[];
}

export interface StepAccepted extends WorkflowView {
  ok: true;
  /** Timers this step armed and the ones it cancelled, for the scheduler. */
  armed: TimerEntry[];
  cancelled: TimerEntry[];
}

export interface StepRefused {
  ok: false;
  /** The English sentence (refusals.ts words it in Chinese from `code` and `params`). */
  reason: string;
  code: RefusalCode;
  params: Record<string, string>;
  allowed: EventType[];
}

export interface EventAvailability {
  type: EventType;
  allowed: boolean;
  /** Why not, or what the payload must satisfy. */
  reason?: string;
  /** The refusal's stable code and parameters, beside `reason`. */
  code?: RefusalCode;
  params?: Record<string, string>;
}

const PAYLOADLESS = new Set<EventType>(['RESUME', 'REQUEST_JUDICIAL_CONFIRMATION']);

type Snapshot = ReturnType<typeof disputeMachine.resolveState>;
type Scope = ActorScope<Snapshot, WorkflowEvent>;

let inert: Scope | undefined;

/**
 * The actor scope a pure transition runs in. xstate's `transition()` builds a throwaway actor
 * per call, and with it the machine's initial state from no input, which throws and is caught:
 * a fifth of a step's time. The machine spawns no children and its actions only assign, so one
 * scope that executes nothing serves every step (steps are synchronous and never interleave).
 */
function inertScope(): Scope {
  if (inert) return inert;
  // Never started: it only lends the scope its identity and system, so it needs no real input.
  const self = createActor(disputeMachine, { input: undefined });
  inert = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    defer: () => undefined,
    logger: () => undefined,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: () => undefined,
  };
  return inert;
}

function view(snapshot: Snapshot): WorkflowView {
  const ctx = snapshot.context;
  return {
    state: {
      machineId: MACHINE_ID,
      machineVersion: MACHINE_VERSION,
      value: snapshot.value,
      context: ctx,
    },
    status: statusOf(snapshot.value),
    tier: ctx.tier,
    highestTier: ctx.highestTier,
    outcome: ctx.outcome,
    overdue: ctx.overdue,
    timers: ctx.timers,
  };
}

/** Opens a case at the tier triage chose, with its first timers armed. */
export function openCase(input: DisputeInput): WorkflowView {
  const [snapshot] = initialTransition(disputeMachine, input);
  return view(snapshot);
}

/** Restores a persisted state, refusing one made by another machine or a version we cannot read. */
export function restore(state: PersistedWorkflow): Snapshot {
  if (state.machineId !== MACHINE_ID) {
    throw new Error(`snapshot belongs to machine ${state.machineId}, not ${MACHINE_ID}`);
  }
  // Older snapshots are migrated in memory; the server persists the migration (with its audit
  // record) at start-up, so this only serves reads of closed cases and a race with start-up.
  const current =
    state.machineVersion === MACHINE_VERSION
      ? state
      : migrateWorkflow(state, MACHINE_VERSION).state;
  return disputeMachine.resolveState({ value: current.value, context: current.context });
}

/** Event types the current state has a transition for, whatever the guards say. */
export function handledEvents(snapshot: Snapshot): Set<EventType> {
  const types = new Set<EventType>();
  for (const t of getNextTransitions(snapshot)) {
    const type = String(t.eventType);
    if ((EVENT_TYPES as readonly string[]).includes(type)) types.add(type as EventType);
  }
  return types;
}

/**
 * The state refusals, worded once per (status, event type): there are only ~250 of them, and
 * wording one (its template filled, its words looked up) was most of what listing a case's
 * allowed events cost; a refused step lists them again.
 */
const stateRefusals = new Map<string, CodedRefusal>();

function stateRefusal(status: Status, type: EventType): CodedRefusal {
  const key = `${status} ${type}`;
  let worded = stateRefusals.get(key);
  if (worded === undefined) {
    worded =
      status === 'closed'
        ? refusal('CASE_CLOSED', { event: type })
        : refusal('NOT_IN_STATE', { event: type, status });
    stateRefusals.set(key, worded);
  }
  // A copy: callers own what they are given.
  return { ...worded, params: { ...worded.params } };
}

/** An event refused in allowedEvents: the English reason with its code beside it. */
const unavailable = (type: EventType, given: CodedRefusal | string): EventAvailability => {
  const r = coded(given);
  return {
    type,
    allowed: false,
    reason: r.message,
    code: r.code,
    params: r.params,
  };
};

/** Steps a case with one event: the new state, or why the event was refused. */
export function step(state: PersistedWorkflow, event: WorkflowEvent): StepAccepted | StepRefused {
  const snapshot = restore(state);
  const status = statusOf(snapshot.value);
  const refused = (given: CodedRefusal | string): StepRefused => {
    const r = coded(given);
    return {
      ok: false,
      reason: r.message,
      code: r.code,
      params: r.params,
      allowed: availability(snapshot, event.actor, event.at)
        .filter((e) => e.allowed)
        .map((e) => e.type),
    };
  };

  if (!handledEvents(snapshot).has(event.type)) return refused(stateRefusal(status, event.type));
  if (!snapshot.can(event)) {
    return refused(
      ruleRefusal(snapshot.context, event) ?? refusal('NOT_POSSIBLE_NOW', { event: event.type }),
    );
  }
  const next = disputeMachine.transition(snapshot, event, inertScope());
  const before = new Map(snapshot.context.timers.map((t) => [t.id, t]));
  const after = new Map(next.context.timers.map((t) => [t.id, t]));
  // The timer that sent this event fired: it is spent, not cancelled.
  const fired =
    event.type === 'DEADLINE_EXPIRED' || event.type === 'FOLLOW_UP_DUE' ? event.timerId : null;
  return {
    ok: true,
    ...view(next),
    armed: next.context.timers.filter((t) => !before.has(t.id)),
    cancelled: snapshot.context.timers.filter((t) => !after.has(t.id) && t.id !== fired),
  };
}

/**
 * Which events this actor may send to this case now, and why not the others. Payload rules
 * (signatures, consent, panel composition) cannot be judged without the payload, so an event
 * whose state and role checks pass is allowed here and the step itself checks the payload.
 */
export function allowedEvents(
  state: PersistedWorkflow,
  actor: Actor,
  at: string = new Date().toISOString(),
): EventAvailability[] {
  return availability(restore(state), actor, at);
}

/** allowedEvents of a restored snapshot (a refused step has restored it already). */
function availability(snapshot: Snapshot, actor: Actor, at: string): EventAvailability[] {
  const status = statusOf(snapshot.value);
  const handled = handledEvents(snapshot);
  const ctx = snapshot.context;
  return EVENT_TYPES.map((type) => {
    if (!handled.has(type)) return unavailable(type, stateRefusal(status, type));
    const who = whoRefusal(ctx, type, actor);
    if (who !== null) return unavailable(type, who);
    if (!PAYLOADLESS.has(type)) return { type, allowed: true };
    // Events without a payload can be judged completely, guards and all.
    const probe = { type, actor, at } as WorkflowEvent;
    const reason = ruleRefusal(ctx, probe);
    if (reason !== null) return unavailable(type, reason);
    return snapshot.can(probe)
      ? { type, allowed: true }
      : unavailable(type, stateRefusal(status, type));
  });
}
