import type { AnyStateMachine } from 'xstate';
import { toJsonValue, type JsonValue } from './json-value';
import { childrenOf, dottedPath, initialChild, rootOf, type NodeView } from './node-view';
import { ownTransitions, type EdgeSpec } from './transitions';

export interface StatechartTransitionJson {
  /**
   * The target's dotted path (`yellow.awaitingAcceptance`, as in a case's `status`);
   * `null` for a targetless transition; a list only when one transition enters several
   * parallel regions.
   */
  readonly target: string | readonly string[] | null;
  /** The guard's name (see toMermaid), or `null` when unguarded. */
  readonly guard: string | null;
}

export interface StatechartNodeJson {
  readonly type: NodeView['type'];
  /** Key of the child a compound state starts in. */
  readonly initial?: string;
  readonly history?: 'shallow' | 'deep';
  readonly description?: string;
  readonly meta?: JsonValue;
  /** By event type (sorted); several entries for one event are tried in order. */
  readonly on: Readonly<Record<string, readonly StatechartTransitionJson[]>>;
  /** Eventless transitions, tried in order. */
  readonly always?: readonly StatechartTransitionJson[];
  readonly states?: Readonly<Record<string, StatechartNodeJson>>;
}

export interface StatechartJson extends StatechartNodeJson {
  readonly id: string;
  readonly version: string | null;
}

export interface StatechartJsonOptions {
  /** Overrides the machine's own `version`. */
  readonly version?: string;
}

/** A plain, JSON-serialisable description of the machine, for `GET /workflow`. */
export function toStatechartJson(
  machine: AnyStateMachine,
  options: StatechartJsonOptions = {},
): StatechartJson {
  return {
    id: machine.id,
    version: options.version ?? machine.version ?? null,
    ...nodeJson(rootOf(machine)),
  };
}

function nodeJson(node: NodeView): StatechartNodeJson {
  const edges = ownTransitions(node);
  const on: Record<string, StatechartTransitionJson[]> = {};
  for (const edge of edges.filter(({ eventless }) => !eventless)) {
    (on[edge.event] ??= []).push(transitionJson(edge));
  }
  const always = edges.filter(({ eventless }) => eventless).map(transitionJson);
  const children = childrenOf(node);
  const meta = toJsonValue(node.meta);
  return {
    type: node.type,
    ...optional('initial', initialChild(node)?.key),
    ...optional('history', node.type === 'history' && node.history ? node.history : undefined),
    ...optional('description', node.description),
    ...optional('meta', isEmptyObject(meta) ? undefined : meta),
    on,
    ...optional('always', always.length > 0 ? always : undefined),
    ...optional(
      'states',
      children.length > 0
        ? Object.fromEntries(children.map((child) => [child.key, nodeJson(child)]))
        : undefined,
    ),
  };
}

function transitionJson({ targets, guard }: EdgeSpec): StatechartTransitionJson {
  const paths = targets.map(dottedPath);
  return {
    target: paths.length === 0 ? null : paths.length === 1 ? paths[0] : paths,
    guard: guard ?? null,
  };
}

// Absent keys rather than `undefined` values, so the JSON has no holes to explain.
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function isEmptyObject(value: JsonValue | undefined): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}
