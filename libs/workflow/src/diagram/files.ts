import type { AnyStateMachine } from 'xstate';
import { toMermaid } from './mermaid';
import {
  catalogueWords,
  drawStatechart,
  layOut,
  routesOf,
  toSvgText,
  type Lookup,
} from './picture';
import { toStatechartJson } from './statechart-json';

// A type alias, not an interface, so Object.entries() sees string values.
export type DiagramFiles = {
  readonly 'statechart.mmd': string;
  readonly 'statechart.md': string;
  readonly 'statechart.svg': string;
  readonly 'statechart-all.svg': string;
};

/**
 * The contents of docs/statechart.*: the picture the console's case page draws (main path,
 * and every transition), a page that shows both and names their states and events, and the
 * complete Mermaid text for tools. Pure, so the script that writes them and the test that
 * checks they are current render exactly the same text. `lookup` gives the words (the
 * console's catalogue); without one, states and events are named as in the code.
 */
export function renderDiagramFiles(
  machine: AnyStateMachine,
  lookup: Lookup = () => undefined,
): DiagramFiles {
  const mermaid = toMermaid(machine);
  const chart = toStatechartJson(machine);
  const words = catalogueWords(lookup);
  const main = layOut(chart);
  const all = layOut(chart, { showAll: true });
  const svg = (picture: typeof main) => `${toSvgText(drawStatechart(picture, words))}\n`;
  const routes = routesOf(chart);
  const events = [
    ...new Set([
      ...routes.links.flatMap((l) => l.events),
      ...routes.common.map((c) => c.event),
      ...[...routes.loops.values()].flat(),
    ]),
  ].filter((e) => !e.startsWith('always'));
  const row = (label: string, code: string) => `| ${label} | \`${code}\` |`;
  const markdown = [
    `# The \`${machine.id}\` statechart`,
    '',
    'Generated from the XState machine by `npm run diagram`; do not edit by hand. The case',
    "page of the console draws the same picture from `GET /workflow`, with the case's current",
    'state and the way it came highlighted.',
    '',
    `![The ${machine.id} statechart: the main path](statechart.svg)`,
    '',
    'The main path runs left to right in bold: intake, blue, yellow, red, agreement,',
    'follow-up, closed; agreement can be reached from every tier (the arcs over the row).',
    'A stage with states inside shows them stacked, with the steps between them. What every',
    'open state can do (withdraw, transfer, record a refusal, suspend, …) is listed once at',
    'the foot of the open group instead of drawn from each state. The other transitions',
    '(downgrades, emergency escalation, reopening after a follow-up, resuming a suspended',
    'case) are drawn dashed in the second picture, as the console shows them on request',
    '(显示全部转移).',
    '',
    `![The ${machine.id} statechart: every transition](statechart-all.svg)`,
    '',
    'Loops (an event handled without leaving the state, such as replacing a mediator) and',
    'the guards of every transition are in `statechart.mmd`, the complete Mermaid',
    'stateDiagram of the machine (also served as `mermaid` by `GET /workflow`).',
    '',
    '## States',
    '',
    '| In the picture | `status` |',
    '| --- | --- |',
    ...main.boxes
      .filter((b) => !b.compound)
      .map((b) => row(words.name(b.name, b.kind).title, b.name)),
    '',
    '## Events',
    '',
    '| In the picture | Event |',
    '| --- | --- |',
    ...events.map((e) => row(words.event(e), e)),
    '',
  ].join('\n');
  return {
    'statechart.mmd': mermaid,
    'statechart.md': markdown,
    'statechart.svg': svg(main),
    'statechart-all.svg': svg(all),
  };
}
