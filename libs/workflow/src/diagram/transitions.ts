import { guardName } from './guard-name';
import type { NodeView, TransitionView } from './node-view';

/** One drawable transition out of a state node. */
export interface EdgeSpec {
  /** The event type, or `after <delay>` / `always` for eventless transitions. */
  readonly event: string;
  /** An `always` transition: taken as soon as its guard holds, without an event. */
  readonly eventless: boolean;
  readonly guard: string | undefined;
  /** Empty for a targetless transition (the state does not change). */
  readonly targets: readonly NodeView[];
}

/**
 * The transitions a node declares itself, by event type in code-unit order so output
 * does not depend on how the config was laid out; for one event, in priority order
 * (the order XState tries the guards), then eventless `always` transitions.
 */
export function ownTransitions(node: NodeView): EdgeSpec[] {
  const events = [...node.transitions.keys()].sort(compareCodeUnits);
  const onEvents = events.flatMap((eventType) =>
    (node.transitions.get(eventType) ?? []).map((t) => edge(eventLabel(t), false, t)),
  );
  const always = (node.always ?? []).map((t) => edge('always', true, t));
  return [...onEvents, ...always];
}

function edge(event: string, eventless: boolean, transition: TransitionView): EdgeSpec {
  return { event, eventless, guard: guardName(transition.guard), targets: transition.target ?? [] };
}

// Delayed transitions carry XState's internal event name; the delay says more.
function eventLabel(transition: TransitionView): string {
  const { delay } = transition as TransitionView & { delay?: unknown };
  if (typeof delay === 'number') return `after ${delay}ms`;
  if (typeof delay === 'string') return `after ${delay}`;
  return transition.eventType;
}

// Not localeCompare: the order must not change with the machine's locale.
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
