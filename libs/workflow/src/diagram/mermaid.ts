import type { AnyStateMachine } from 'xstate';
import { edgeLabel, mermaidId, stateLabel } from './mermaid-text';
import { childrenOf, descendantsOf, initialChild, rootOf, type NodeView } from './node-view';
import { ownTransitions } from './transitions';

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

const INDENT = '  ';

/**
 * A Mermaid `stateDiagram-v2` drawn from the machine definition: compound states as
 * composite states, `[*] -->` for initial states, `--> [*]` after final states, one edge
 * per transition labelled `EVENT [guard]`, targetless transitions as self-loops.
 * Transitions declared on the machine itself start from a `<id> (any state)` node.
 * The output is deterministic: the same machine always gives the same text.
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = rootOf(machine);
  const ids = assignIds(root);
  const edges = edgesByContainer(root, ids);
  const lines = ['stateDiagram-v2'];
  const rootId = idOf(ids, root);
  const usesRoot = [...edges.values()]
    .flat()
    .some(({ from, to }) => from === rootId || to === rootId);
  if (usesRoot) {
    lines.push(`${INDENT}state "${stateLabel(root)} (any state)" as ${rootId}`);
  }
  lines.push(...blockBody(root, ids, edges, 1));
  return `${lines.join('\n')}\n`;
}

// Lines inside a composite (or the diagram itself, for the root).
function blockBody(
  node: NodeView,
  ids: ReadonlyMap<NodeView, string>,
  edges: ReadonlyMap<NodeView, readonly Edge[]>,
  depth: number,
): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  const initial = initialChild(node);
  if (initial) lines.push(`${pad}[*] --> ${idOf(ids, initial)}`);
  childrenOf(node).forEach((child, index) => {
    // Parallel regions are separated by `--` inside their composite.
    if (node.type === 'parallel' && index > 0) lines.push(`${pad}--`);
    lines.push(...declaration(child, ids, edges, depth));
  });
  for (const child of childrenOf(node)) {
    if (child.type === 'final') lines.push(`${pad}${idOf(ids, child)} --> [*]`);
  }
  for (const { from, to, label } of edges.get(node) ?? []) {
    lines.push(`${pad}${from} --> ${to} : ${label}`);
  }
  return lines;
}

function declaration(
  node: NodeView,
  ids: ReadonlyMap<NodeView, string>,
  edges: ReadonlyMap<NodeView, readonly Edge[]>,
  depth: number,
): string[] {
  const pad = INDENT.repeat(depth);
  const head = `${pad}state "${stateLabel(node)}" as ${idOf(ids, node)}`;
  if (childrenOf(node).length === 0) return [head];
  return [`${head} {`, ...blockBody(node, ids, edges, depth + 1), `${pad}}`];
}

// Ids must be unique; two states that sanitise to one id would silently merge.
function assignIds(root: NodeView): Map<NodeView, string> {
  const ids = new Map<NodeView, string>();
  const owners = new Map<string, NodeView>();
  for (const node of [root, ...descendantsOf(root)]) {
    const id = mermaidId(node);
    const owner = owners.get(id);
    if (owner) {
      throw new Error(
        `toMermaid: states "${owner.path.join('.')}" and "${node.path.join('.')}" both map to the Mermaid id "${id}"`,
      );
    }
    owners.set(id, node);
    ids.set(node, id);
  }
  return ids;
}

function idOf(ids: ReadonlyMap<NodeView, string>, node: NodeView): string {
  const id = ids.get(node);
  if (id === undefined) throw new Error(`toMermaid: no id for state "${node.path.join('.')}"`);
  return id;
}

/**
 * Each edge is written inside the innermost composite that strictly contains both its
 * ends (a parallel state's parent, since statements after the last `--` would land in
 * its last region), so Mermaid lays it out inside the right box.
 */
function edgesByContainer(
  root: NodeView,
  ids: ReadonlyMap<NodeView, string>,
): Map<NodeView, Edge[]> {
  const byContainer = new Map<NodeView, Edge[]>();
  for (const source of [root, ...descendantsOf(root)]) {
    for (const { event, guard, targets } of ownTransitions(source)) {
      const label = edgeLabel(event, guard);
      for (const target of targets.length > 0 ? targets : [source]) {
        const container = containerOf(source, target);
        const list = byContainer.get(container) ?? [];
        list.push({ from: idOf(ids, source), to: idOf(ids, target), label });
        byContainer.set(container, list);
      }
    }
  }
  return byContainer;
}

function containerOf(a: NodeView, b: NodeView): NodeView {
  const ancestors = new Set(ancestorsOf(a.parent ?? a));
  let container = ancestorsOf(b.parent ?? b).find((node) => ancestors.has(node)) ?? a;
  while (container.type === 'parallel' && container.parent) container = container.parent;
  return container;
}

/** The node itself, then its parent, up to the root. */
function ancestorsOf(node: NodeView): NodeView[] {
  return node.parent ? [node, ...ancestorsOf(node.parent)] : [node];
}
