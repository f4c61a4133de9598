import { createElement, type ReactNode } from 'react';
import type { SvgElement } from '../../../../libs/workflow/src/diagram/picture';

// React names SVG attributes in camelCase (strokeWidth); aria-* and data-* stay as written.
const reactName = (name: string) =>
  name.startsWith('aria-') || name.startsWith('data-')
    ? name
    : name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The drawn picture as React elements, with some attributes replaced (the size, say). */
export function toReact(
  node: SvgElement,
  override: Readonly<Record<string, string | number | undefined>> = {},
): ReactNode {
  const props: Record<string, string | number | undefined> = {};
  for (const [name, value] of Object.entries({ ...node.attrs, ...override })) {
    if (name !== 'xmlns') props[reactName(name)] = value;
  }
  return createElement(
    node.tag,
    props,
    ...node.children.map((child) => (typeof child === 'string' ? child : toReact(child))),
  );
}
