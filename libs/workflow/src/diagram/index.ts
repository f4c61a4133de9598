export { toMermaid } from './mermaid';
export {
  toStatechartJson,
  type StatechartJson,
  type StatechartJsonOptions,
  type StatechartNodeJson,
  type StatechartTransitionJson,
} from './statechart-json';
export { renderDiagramFiles, type DiagramFiles } from './files';
export { guardName } from './guard-name';
export type { JsonValue } from './json-value';
