/** The community police room's menu words: the only ones on the first page. */
// The menu's words load with the first page; the rest loads with the pages that use them
// (console-police.ts, `registerMessages` in ../i18n.tsx), which keeps the grid worker's list within its budget.
export const navZhCN = {
  'nav.reports': '社情上报',
  'nav.reports.queue': '社情研判',
  'nav.team': '警格团队',
  'nav.map': '一张图',
} as const;

export const navEnUS: { [K in keyof typeof navZhCN]?: string } = {
  'nav.reports': 'Report',
  'nav.reports.queue': 'Reports',
  'nav.team': 'Team',
  'nav.map': 'Map',
};
