import type { AnyStateMachine } from 'xstate';
import { toMermaid } from './mermaid';

// A type alias, not an interface, so Object.entries() sees string values.
export type DiagramFiles = {
  readonly 'statechart.mmd': string;
  readonly 'statechart.md': string;
};

/**
 * The contents of docs/statechart.mmd and docs/statechart.md. Pure, so the script that
 * writes them and the test that checks they are current render exactly the same text.
 */
export function renderDiagramFiles(machine: AnyStateMachine): DiagramFiles {
  const mermaid = toMermaid(machine);
  const markdown = [
    `# The \`${machine.id}\` statechart`,
    '',
    'Generated from the XState machine by `npm run diagram`; do not edit by hand.',
    '`statechart.mmd` holds the same diagram without this text.',
    '',
    'Nested states are named by their dotted path (`blue.mediating`). Edges read',
    '`EVENT [guard]`; a loop on a state is an event handled without moving to another',
    'state (e.g. a deadline extension).',
    ...(mermaid.includes('(any state)')
      ? ['Edges from `(any state)` apply wherever the current state does not handle the event.']
      : []),
    '',
    '```mermaid',
    mermaid.trimEnd(),
    '```',
    '',
  ].join('\n');
  return { 'statechart.mmd': mermaid, 'statechart.md': markdown };
}
