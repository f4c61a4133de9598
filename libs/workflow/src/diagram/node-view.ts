import type { AnyStateMachine } from 'xstate';

/**
 * The few parts of XState's StateNode the diagram reads, typed without `any`.
 * XState's own types are `StateNode<any, ...>` for an AnyStateMachine; narrowing them
 * here keeps the rendering code strictly typed.
 */
export interface TransitionView {
  readonly eventType: string;
  /** Undefined for a targetless transition: actions only, no change of state. */
  readonly target: readonly NodeView[] | undefined;
  readonly guard?: unknown;
}

export interface NodeView {
  readonly key: string;
  readonly path: readonly string[];
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly history: false | 'shallow' | 'deep';
  readonly description?: string;
  readonly meta?: unknown;
  readonly parent?: NodeView;
  readonly states: Readonly<Record<string, NodeView>>;
  /** By event type, in definition order; includes `after` (delayed) transitions. */
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
  readonly always?: readonly TransitionView[];
  readonly initial: { readonly target: readonly NodeView[] };
}

export function rootOf(machine: AnyStateMachine): NodeView {
  return machine.root;
}

/** Child states in definition order (the order the author wrote them). */
export function childrenOf(node: NodeView): NodeView[] {
  return Object.values(node.states);
}

/** The status-style name: `blue.mediating`; the root is named by the machine id. */
export function dottedPath(node: NodeView): string {
  return node.path.length === 0 ? node.key : node.path.join('.');
}

/** The child a compound state starts in, if it is one. */
export function initialChild(node: NodeView): NodeView | undefined {
  return node.type === 'compound' ? node.initial.target[0] : undefined;
}

/** Every node below `node` (not `node` itself), parents before children. */
export function descendantsOf(node: NodeView): NodeView[] {
  return childrenOf(node).flatMap((child) => [child, ...descendantsOf(child)]);
}
