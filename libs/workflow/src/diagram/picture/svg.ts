/** A small SVG tree: serialised to text for docs/, turned into React elements by the console. */
export interface SvgElement {
  readonly tag: string;
  /** SVG attribute names as written in markup (`stroke-width`, `aria-label`). */
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children: readonly (SvgElement | string)[];
}

export function el(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (SvgElement | string | false | undefined)[]
): SvgElement {
  const defined: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) defined[name] = value;
  return {
    tag,
    attrs: defined,
    children: children.filter((c): c is SvgElement | string => c !== false && c !== undefined),
  };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/** Markup, one element a line where it has element children, so a diff of the doc reads. */
export function toSvgText(node: SvgElement, indent = ''): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${indent}<${node.tag}${attrs}>${node.children.map((c) => escape(String(c))).join('')}</${node.tag}>`;
  }
  const inner = node.children
    .map((c) => (typeof c === 'string' ? `${indent}  ${escape(c)}` : toSvgText(c, `${indent}  `)))
    .join('\n');
  return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}
