// The words of docs/statechart.svg: the console's own Chinese catalogue, so the document and
// the case page name every state and event alike.
import { zhCN as diagram } from '../apps/console/src/i18n/areas/console-diagram';
import { zhCN } from '../apps/console/src/i18n/zh-CN';
import type { Lookup } from '../libs/workflow/src/diagram/picture';

const catalogue: Readonly<Record<string, string>> = { ...zhCN, ...diagram };

export const docLookup: Lookup = (key, params) =>
  catalogue[key]?.replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole);
