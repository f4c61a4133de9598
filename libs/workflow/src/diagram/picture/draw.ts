import type { CommonEvent, Link } from './edges';
import { LABEL_LINE, LEGEND_LINE, type Arrow, type Box, type Picture } from './layout';
import { el, type SvgElement } from './svg';

/** The words the picture needs, in the reader's language (the console's catalogues). */
export interface DiagramWords {
  /** A stage (`blue`) or a state in one (`yellow.jointReview`): a title and a smaller line. */
  name(name: string, kind: Box['kind']): { readonly title: string; readonly note?: string };
  event(type: string): string;
  /** "进行中": the group of open stages. */
  readonly open: string;
  /** "任一进行中的状态都可以：". */
  readonly common: string;
  /** "留在原状态". */
  readonly self: string;
  /** "{stages}时": where a common event leads somewhere else. */
  when(stages: string): string;
  /** "仅{stages}". */
  only(stages: string): string;
  /** "当前". */
  readonly current: string;
  /** The picture's accessible name. */
  readonly title: string;
}

/** What to highlight for one case. */
export interface DiagramMarks {
  /** The case's status (`yellow.jointReview`). */
  readonly current?: string;
  /** Statuses the case has been in (its record's `toStatus`), and their stages. */
  readonly visited?: ReadonlySet<string>;
  /** Links the case moved along. */
  readonly walked?: (link: Link) => boolean;
  /** Event types in the case's record: common events it used are marked in the legend. */
  readonly used?: ReadonlySet<string>;
}

const INK = '#1f1f1f';
const SOFT = '#595959';
const WALKED = '#0958d9';
const STAGE_COLOURS: Readonly<Record<string, { stroke: string; fill: string }>> = {
  intake: { stroke: '#8c8c8c', fill: '#ffffff' },
  blue: { stroke: '#1677ff', fill: '#f0f7ff' },
  yellow: { stroke: '#d48806', fill: '#fffbe6' },
  red: { stroke: '#cf1322', fill: '#fff1f0' },
  agreed: { stroke: '#389e0d', fill: '#f6ffed' },
  followUp: { stroke: '#08979c', fill: '#e6fffb' },
  suspended: { stroke: '#8c8c8c', fill: '#f5f5f5' },
  closed: { stroke: '#595959', fill: '#fafafa' },
};
const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif";

export function drawStatechart(
  picture: Picture,
  words: DiagramWords,
  marks: DiagramMarks = {},
): SvgElement {
  const { width, height } = picture;
  const stageOfBox = (b: Box) => (b.kind === 'stage' ? b.name : (b.name.split('.')[0] ?? b.name));
  const isCurrent = (b: Box) =>
    marks.current !== undefined &&
    (b.name === marks.current || (b.kind === 'stage' && !b.compound && marks.current === b.name));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': words.title,
      'font-family': FONT,
    },
    el('title', {}, words.title),
    el(
      'defs',
      {},
      marker('sc-head', '#434343'),
      marker('sc-head-walked', WALKED),
      marker('sc-head-other', '#8c8c8c'),
    ),
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    group(picture, words),
    ...picture.boxes
      .filter((b) => b.kind === 'stage')
      .map((b) => box(b, words, STAGE_COLOURS[b.name], marks, isCurrent(b))),
    ...picture.boxes
      .filter((b) => b.kind === 'state')
      .map((b) => box(b, words, STAGE_COLOURS[stageOfBox(b)], marks, isCurrent(b))),
    // Arrows over the boxes' fills, labels over every arrow.
    ...picture.arrows.map((a) => line(a, marks.walked?.(a.link) === true)),
    ...picture.arrows.map((a) => label(a, words, marks.walked?.(a.link) === true)),
    picture.legend && legend(picture, words, marks),
  );
}

/** The common events as lines of text: `event` bold, then where it leads (`→ 已结案；…`). */
export function legendLines(
  picture: Picture,
  words: DiagramWords,
  marks: DiagramMarks = {},
): { event: string; label: string; text: string; used: boolean }[] {
  const open = openStages(picture);
  return picture.common.map((c) => ({
    event: c.event,
    label: words.event(c.event),
    text: commonText(c, words, open),
    used: marks.used?.has(c.event) === true,
  }));
}

const openStages = (picture: Picture) =>
  picture.boxes.filter((b) => b.kind === 'stage' && b.name !== 'intake' && b.name !== 'closed')
    .length;

function marker(id: string, colour: string): SvgElement {
  return el(
    'marker',
    {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 11,
      markerHeight: 11,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto-start-reverse',
    },
    el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }),
  );
}

function group(picture: Picture, words: DiagramWords): SvgElement {
  const { x, y, w, h } = picture.group;
  return el(
    'g',
    {},
    el('rect', {
      x,
      y,
      width: w,
      height: h,
      rx: 14,
      fill: '#fcfcfc',
      stroke: '#bfbfbf',
      'stroke-dasharray': '6 4',
    }),
    el(
      'text',
      { x: x + 14, y: y + 22, 'font-size': 14, 'font-weight': 600, fill: SOFT },
      words.open,
    ),
  );
}

function box(
  b: Box,
  words: DiagramWords,
  colour: { stroke: string; fill: string } = { stroke: '#8c8c8c', fill: '#ffffff' },
  marks: DiagramMarks,
  current: boolean,
): SvgElement {
  const { title, note } = words.name(b.name, b.kind);
  const visited =
    marks.visited?.has(b.name) === true && !(b.kind === 'stage' && b.compound && !current);
  const inState = b.kind === 'state';
  const fill = inState ? (visited || current ? '#e6f4ff' : '#ffffff') : colour.fill;
  const stroke = current ? INK : inState ? (visited ? WALKED : '#8c8c8c') : colour.stroke;
  const strokeWidth = current ? 3.5 : inState ? (visited ? 2 : 1.2) : 2;
  const cx = b.x + b.w / 2;
  const heading = b.compound;
  const titleY = heading ? b.y + 22 : b.y + b.h / 2 + (note ? -3 : 5);
  return el(
    'g',
    { 'data-state': b.name, 'data-current': current ? 'true' : undefined },
    el('rect', {
      x: b.x,
      y: b.y,
      width: b.w,
      height: b.h,
      rx: inState ? 8 : 12,
      fill,
      stroke,
      'stroke-width': strokeWidth,
    }),
    // A stage's own colour as a band along its top, as the queues show a tier.
    !inState &&
      el('rect', { x: b.x + 1, y: b.y + 1, width: b.w - 2, height: 6, rx: 3, fill: colour.stroke }),
    b.final &&
      el('rect', {
        x: b.x + 4,
        y: b.y + 4,
        width: b.w - 8,
        height: b.h - 8,
        rx: 9,
        fill: 'none',
        stroke: colour.stroke,
      }),
    el(
      'text',
      {
        x: heading ? b.x + 10 : cx,
        y: titleY,
        'text-anchor': heading ? 'start' : 'middle',
        'font-size': heading ? 15 : 14,
        'font-weight': heading || current ? 700 : 500,
        fill: INK,
      },
      title,
    ),
    note !== undefined &&
      el(
        'text',
        {
          x: heading ? b.x + 10 : cx,
          y: titleY + (heading ? 16 : 15),
          'text-anchor': heading ? 'start' : 'middle',
          'font-size': 11,
          fill: SOFT,
        },
        note,
      ),
    visited &&
      !current &&
      el(
        'text',
        { x: b.x + b.w - 8, y: b.y + 16, 'text-anchor': 'end', 'font-size': 13, fill: WALKED },
        '✓',
      ),
    current && badge(b, words.current),
  );
}

function badge(b: Box, text: string): SvgElement {
  const w = 14 * text.length + 14;
  const x = b.x + b.w - w + 6;
  const y = b.y - 12;
  return el(
    'g',
    {},
    el('rect', { x, y, width: w, height: 22, rx: 11, fill: INK }),
    el(
      'text',
      {
        x: x + w / 2,
        y: y + 15,
        'text-anchor': 'middle',
        'font-size': 12,
        'font-weight': 700,
        fill: '#ffffff',
      },
      text,
    ),
  );
}

function line(a: Arrow, walked: boolean): SvgElement {
  const other = a.link.kind === 'other';
  return el('path', {
    d: a.d,
    fill: 'none',
    stroke: walked ? WALKED : other ? '#8c8c8c' : '#434343',
    'stroke-width': walked ? 4 : other ? 1.5 : a.link.kind === 'main' ? 2.6 : 1.8,
    'stroke-dasharray': other && !walked ? '5 4' : undefined,
    'marker-end': `url(#${walked ? 'sc-head-walked' : other ? 'sc-head-other' : 'sc-head'})`,
    'data-link': `${a.link.from}>${a.link.to}`,
    'data-walked': walked ? 'true' : undefined,
  });
}

function label(a: Arrow, words: DiagramWords, walked: boolean): SvgElement {
  return el(
    'text',
    {
      x: a.label.x,
      y: a.label.y,
      'text-anchor': a.label.anchor,
      'font-size': 12,
      'font-weight': a.link.kind === 'main' || walked ? 600 : 400,
      fill: walked ? WALKED : a.link.kind === 'other' ? SOFT : INK,
      stroke: '#ffffff',
      'stroke-width': 4,
      'paint-order': 'stroke',
      'stroke-linejoin': 'round',
    },
    ...a.link.events.map((event, i) =>
      el('tspan', { x: a.label.x, dy: i === 0 ? 0 : LABEL_LINE }, words.event(event)),
    ),
  );
}

function legend(picture: Picture, words: DiagramWords, marks: DiagramMarks): SvgElement {
  const { group: g, legendTop } = picture;
  const lines = legendLines(picture, words, marks);
  const columnWidth = (g.w - 28) / 2;
  const rows = Math.ceil(lines.length / 2);
  return el(
    'g',
    { 'data-legend': 'common' },
    el(
      'text',
      { x: g.x + 14, y: legendTop + 16, 'font-size': 13, 'font-weight': 700, fill: INK },
      words.common,
    ),
    ...lines.map(({ label, text, used }, i) =>
      el(
        'text',
        {
          x: g.x + 14 + Math.floor(i / rows) * columnWidth,
          y: legendTop + 16 + ((i % rows) + 1) * LEGEND_LINE,
          'font-size': 13,
          fill: used ? WALKED : INK,
          'font-weight': used ? 700 : 400,
        },
        el('tspan', { 'font-weight': 700 }, `${used ? '✓ ' : '• '}${label}`),
        ` ${text}`,
      ),
    ),
  );
}

function commonText(c: CommonEvent, words: DiagramWords, open: number): string {
  const target = (to: string) => (to === 'self' ? words.self : words.name(to, 'stage').title);
  const stages = (list: readonly string[]) =>
    list.map((s) => words.name(s, 'stage').title).join('、');
  const [main, ...rest] = [...c.targets].sort((a, b) => b.stages.length - a.stages.length);
  if (!main) return '';
  const others = rest.map((t) => `；${words.when(stages(t.stages))} → ${target(t.to)}`).join('');
  // SUSPEND is not handled by the pause it leads to: that is still "every open state".
  const reach = new Set([...c.stages, ...c.targets.map((t) => t.to)]);
  const only = reach.size < open ? `（${words.only(stages(c.stages))}）` : '';
  return `→ ${target(main.to)}${others}${only}`;
}
