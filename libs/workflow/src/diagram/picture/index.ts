export { readStatechart } from './read';
export { layOut, type Picture, type LayoutOptions, type Box } from './layout';
export { routesOf, stageOf, type Link, type CommonEvent } from './edges';
export { drawStatechart, legendLines, type DiagramWords, type DiagramMarks } from './draw';
export { catalogueWords, type Lookup } from './words';
export { toSvgText, type SvgElement } from './svg';
