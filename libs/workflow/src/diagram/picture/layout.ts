import type { StatechartNodeJson } from '../statechart-json';
import { MAIN_ROW, routesOf, statusOfPath, type CommonEvent, type Link } from './edges';

/**
 * A fixed, hand-laid picture of the dispute statechart: the main path left to right, the
 * states of a stage stacked inside it, the open stages in one group with what every open
 * state can do listed once, and the other arrows only on request. Pure geometry: the
 * console draws it in the page and `npm run diagram` writes it to docs/statechart.svg.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Box extends Rect {
  /** The stage key (`yellow`) for a stage, the status (`yellow.jointReview`) for a state in one. */
  readonly name: string;
  readonly kind: 'stage' | 'state';
  /** A stage with states inside: its label is a heading, not a state a case can be in. */
  readonly compound: boolean;
  readonly final: boolean;
}

export interface Arrow {
  readonly link: Link;
  /** SVG path data. */
  readonly d: string;
  /** Where the event names go: one line each, from `y` down. */
  readonly label: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'middle' };
}

export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  readonly arrows: readonly Arrow[];
  /** The enclosing "open" group. */
  readonly group: Rect;
  readonly common: readonly CommonEvent[];
  /** Whether the common events are listed inside the picture (or beside it, by the page). */
  readonly legend: boolean;
  readonly legendTop: number;
  readonly loops: ReadonlyMap<string, readonly string[]>;
  /** How many links were left out (the reader may ask for them). */
  readonly hidden: number;
}

export interface LayoutOptions {
  /** Draw every transition, not only the main path. */
  readonly showAll?: boolean;
  /**
   * List the common events inside the open group (the default). A narrow screen lists them
   * beside the picture instead, where the text can wrap.
   */
  readonly legend?: boolean;
  /** Links to draw even when not showing all (the case walked them). */
  readonly keep?: (link: Link) => boolean;
}

const MARGIN = 16;
const GAP = 84;
const WIDTHS: Readonly<Record<string, number>> = {
  intake: 76,
  blue: 150,
  yellow: 158,
  red: 158,
  agreed: 158,
  followUp: 104,
  closed: 92,
  suspended: 150,
};
const DEFAULT_WIDTH = 130;
const HEAD = 44;
const STATE_H = 44;
const INNER_GAP = 40;
const ATOMIC_H = 60;
const GROUP_TOP = 8;
const ROW_TOP = 118;
export const LEGEND_LINE = 22;
export const LABEL_LINE = 15;
const LANE = 17;

export function layOut(chart: StatechartNodeJson, options: LayoutOptions = {}): Picture {
  const stages = Object.entries(chart.states ?? {});
  const row = [
    ...MAIN_ROW.filter((key) => stages.some(([k]) => k === key)),
    // Stages the fixed layout does not know yet still appear, at the end of the row.
    ...stages.map(([k]) => k).filter((k) => !MAIN_ROW.includes(k) && k !== 'suspended'),
  ];
  const childrenOf = (key: string) => Object.keys(chart.states?.[key]?.states ?? {});
  const compoundHeight = (n: number) => HEAD + n * STATE_H + (n - 1) * INNER_GAP + 12;
  const rowHeight = Math.max(ATOMIC_H, ...row.map((k) => compoundHeight(childrenOf(k).length)));
  const centre = ROW_TOP + rowHeight / 2;

  const boxes: Box[] = [];
  let x = MARGIN;
  for (const key of row) {
    const w = WIDTHS[key] ?? DEFAULT_WIDTH;
    const children = childrenOf(key);
    const compound = children.length > 0;
    const h = compound ? rowHeight : ATOMIC_H;
    const y = compound ? ROW_TOP : centre - ATOMIC_H / 2;
    // A stage with fewer states than the tallest: its states sit in the middle of it.
    const inset = (rowHeight - compoundHeight(children.length)) / 2;
    boxes.push({
      name: key,
      kind: 'stage',
      compound,
      final: chart.states?.[key]?.type === 'final',
      x,
      y,
      w,
      h,
    });
    children.forEach((child, i) => {
      boxes.push({
        name: statusOfPath([key, child]),
        kind: 'state',
        compound: false,
        final: false,
        x: x + 10,
        y: ROW_TOP + HEAD + inset + i * (STATE_H + INNER_GAP),
        w: w - 20,
        h: STATE_H,
      });
    });
    x += w + GAP;
  }
  const width = x - GAP + MARGIN;

  const routes = routesOf(chart);
  const shown = routes.links.filter(
    (l) => l.kind !== 'other' || options.showAll === true || options.keep?.(l) === true,
  );
  const rowBottom = ROW_TOP + rowHeight;
  // The other arrows run under the row, each in a lane of its own (the shortest nearest), so
  // no two labels share a line; resuming from the pause goes straight up instead.
  const centreOf = (name: string) => boxes.find((b) => b.name === name && b.kind === 'stage');
  const span = (l: Link) => Math.abs((centreOf(l.to)?.x ?? 0) - (centreOf(l.from)?.x ?? 0));
  const lanes = shown
    .filter((l) => l.kind === 'other' && l.from !== 'suspended' && l.to !== 'suspended')
    .sort((a, b) => span(a) - span(b));
  const lane = (l: Link) => rowBottom + 24 + lanes.indexOf(l) * LANE;
  const zone = lanes.length === 0 ? 28 : 24 + lanes.length * LANE + 40;

  const open = boxes.filter(
    (b) => b.kind === 'stage' && b.name !== 'intake' && b.name !== 'closed',
  );
  const left = Math.min(...open.map((b) => b.x)) - 12;
  const right = Math.max(...open.map((b) => b.x + b.w)) + 12;
  if (chart.states?.suspended) {
    const w = WIDTHS.suspended ?? DEFAULT_WIDTH;
    boxes.push({
      name: 'suspended',
      kind: 'stage',
      compound: false,
      final: false,
      x: (left + right) / 2 - w / 2,
      y: rowBottom + zone,
      w,
      h: 48,
    });
  }
  const legendTop = rowBottom + zone + (chart.states?.suspended ? 48 + 26 : 0);
  const legend = options.legend !== false;
  const legendRows = legend ? Math.ceil(routes.common.length / 2) : 0;
  const group: Rect = {
    x: left,
    y: GROUP_TOP,
    w: right - left,
    h: legendTop + (legend ? 28 + legendRows * LEGEND_LINE : 0) + 10 - GROUP_TOP,
  };

  const find = (name: string, kind: Box['kind']) =>
    boxes.find((b) => b.name === name && b.kind === kind);
  const arrows = shown.flatMap((link): Arrow[] => {
    const kind = link.kind === 'inner' ? 'state' : 'stage';
    const from = find(link.from, kind);
    const to = find(link.to, kind);
    return from && to ? [arrow(link, from, to, shown, boxes, rowBottom, lane(link))] : [];
  });
  return {
    width,
    height: group.y + group.h + MARGIN,
    boxes,
    arrows,
    group,
    common: routes.common,
    legend,
    legendTop,
    loops: routes.loops,
    hidden: routes.links.length - shown.length,
  };
}

function arrow(
  link: Link,
  from: Box,
  to: Box,
  links: readonly Link[],
  boxes: readonly Box[],
  rowBottom: number,
  lane: number,
): Arrow {
  const cx = (b: Box) => b.x + b.w / 2;
  if (link.kind === 'inner') {
    // Stacked states: a short vertical arrow in the gap, the event names beside it.
    const pair = links.filter(
      (l) =>
        l.kind === 'inner' && [l.from, l.to].sort().join() === [link.from, link.to].sort().join(),
    );
    const offset = 18 + pair.indexOf(link) * 14;
    const down = to.y > from.y;
    const ax = from.x + offset;
    const y1 = down ? from.y + from.h : from.y;
    const y2 = down ? to.y : to.y + to.h;
    return {
      link,
      d: `M${ax},${y1} L${ax},${y2}`,
      label: {
        x: from.x + 18 + pair.length * 14,
        y: Math.min(y1, y2) + 13 + pair.indexOf(link) * LABEL_LINE,
        anchor: 'start',
      },
    };
  }
  const stage = (name: string) => boxes.find((b) => b.name === name && b.kind === 'stage');
  // Next to each other on the row, nothing in between: a straight arrow.
  const adjacent = (l: Link) => {
    const [a, b] = [stage(l.from), stage(l.to)];
    return (
      l.kind === 'main' &&
      a !== undefined &&
      b !== undefined &&
      b.x > a.x &&
      !boxes.some((o) => o.kind === 'stage' && o.x > a.x && o.x < b.x && o.y < rowBottom)
    );
  };
  if (adjacent(link)) {
    const y = Math.max(from.y, to.y) + Math.min(from.h, to.h) / 2;
    const x1 = from.x + from.w;
    const x2 = to.x;
    return {
      link,
      d: `M${x1},${y} L${x2},${y}`,
      label: {
        x: (x1 + x2) / 2,
        y: y - 8 - (link.events.length - 1) * LABEL_LINE,
        anchor: 'middle',
      },
    };
  }
  if (link.kind === 'main') {
    // Over the row: agreement reached from a lower tier. The longer the leap, the higher.
    const span = Math.abs(cx(to) - cx(from));
    const top = Math.max(44, from.y - 28 - span / 12);
    const x1 = cx(from);
    // The higher the arc, the further in it lands, so arcs to one state never cross.
    const leaps = links.filter((l) => l.to === link.to && l.kind === 'main' && !adjacent(l));
    const x2 = to.x + 24 + (leaps.length - 1 - leaps.indexOf(link)) * 28;
    const control = from.y + ((top - from.y) * 4) / 3;
    return {
      link,
      d: `M${x1},${from.y} C${x1},${control} ${x2},${control} ${x2},${to.y}`,
      label: { x: (x1 + x2) / 2, y: top - 6, anchor: 'middle' },
    };
  }
  if (from.name === 'suspended' || to.name === 'suspended') {
    // Straight up to the stage a case resumes in (or down to the pause).
    const up = from.name === 'suspended';
    const s = up ? from : to;
    const other = up ? to : from;
    const x1 = Math.min(Math.max(cx(other), s.x + 10), s.x + s.w - 10);
    const x2 = cx(other) + (up ? 12 : -12);
    const y1 = up ? s.y : other.y + other.h;
    const y2 = up ? other.y + other.h : s.y;
    return {
      link,
      d: `M${x1},${y1} L${x2},${y2}`,
      label: { x: x1 + (x2 - x1) * 0.18, y: y1 + (y2 - y1) * 0.18 + 4, anchor: 'middle' },
    };
  }
  // Everything else: an arc under the row, spread along each box's bottom edge.
  const ends = (box: Box) =>
    links
      .filter((l) => l.kind === 'other' && (l.from === box.name || l.to === box.name))
      .filter((l) => l.from !== 'suspended' && l.to !== 'suspended');
  const anchor = (box: Box, l: Link) => {
    const list = ends(box);
    return box.x + ((list.indexOf(l) + 1) * box.w) / (list.length + 1);
  };
  const x1 = anchor(from, link);
  const x2 = anchor(to, link);
  const y1 = from.y + from.h;
  const y2 = to.y + to.h;
  // Control points a third beyond the lane, so the curve's lowest point is on it.
  const c1 = y1 + ((lane - y1) * 4) / 3;
  const c2 = y2 + ((lane - y2) * 4) / 3;
  return {
    link,
    d: `M${x1},${y1} C${x1},${c1} ${x2},${c2} ${x2},${y2}`,
    label: { x: (x1 + x2) / 2, y: lane + 4, anchor: 'middle' },
  };
}
