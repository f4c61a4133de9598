/** The office pages' menu words: the only ones of console-office.ts on the first page. */
// The rest loads with the office pages and the case page's panels (`office/messages.ts`,
// `registerMessages` in ../i18n.tsx), which keeps the grid worker's list within its budget.
export const navZhCN = {
  'nav.office': '督办与报表',
} as const;

export const navEnUS: { [K in keyof typeof navZhCN]?: string } = {
  'nav.office': 'Supervision & reports',
};
