import { dottedPath, type NodeView } from './node-view';

// Words Mermaid's state-diagram lexer takes as keywords at the start of a line
// (`state x`, `note x`, `class x`...; anything beginning with `default`).
const RESERVED = /^(default.*|state|note|class|classdef|scale|hide|direction|acctitle|accdescr)$/i;

/**
 * A Mermaid state id for a node: the path joined with `_` (Mermaid ids cannot contain
 * dots), e.g. `blue.mediating` -> `blue_mediating`. Keywords get a leading `_`.
 */
export function mermaidId(node: NodeView): string {
  const parts = node.path.length === 0 ? [node.key] : node.path;
  const id = parts.map((part) => part.replace(/[^\p{L}\p{N}_]/gu, '_')).join('_');
  return RESERVED.test(id) ? `_${id}` : id;
}

/** A state's label: its dotted path, which is the case's `status` in the API. */
export function stateLabel(node: NodeView): string {
  const label = dottedPath(node);
  if (node.type !== 'history') return quoteSafe(label);
  return quoteSafe(`${label} (${node.history === 'deep' ? 'H*' : 'H'})`);
}

/** An edge label: `EVENT [guard]`. */
export function edgeLabel(event: string, guard: string | undefined): string {
  return lineSafe(guard === undefined ? event : `${event} [${guard}]`);
}

// Inside `state "..."` only the quote and line breaks would end the label early.
function quoteSafe(text: string): string {
  return text.replace(/["\r\n]+/g, ' ').trim();
}

// After `-->` the label runs to the end of the line and stops at `:` or `;`; `#` and `%`
// may start comments, and angle brackets or braces could be read as markup.
function lineSafe(text: string): string {
  return text
    .replace(/[:;#%"<>{}\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
