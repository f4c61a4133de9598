import type { Agenda, AgendaSection } from './agenda.types';

/**
 * The most items an agenda keeps in each list (open, overdue, escalated, reports, supervision)
 * of each community: the most urgent first, as the builder sorts them; `counts` stay whole. A
 * meeting goes through a few hundred cases at most, and a street of 100k open cases otherwise
 * stored (and every reader parsed) 27 MB (issue 9, finding 6).
 */
export const AGENDA_LIST_CAP = 1000;

/** A page of an agenda's lists: at most `limit` items of each, after the first `offset`. */
export interface AgendaPage {
  offset: number;
  limit: number;
}

/** What GET /agenda says about the page it answered. */
export interface AgendaPageInfo extends AgendaPage {
  /** Some list holds more items after this page (ask again with offset + limit). */
  more: boolean;
}

type Lists = Pick<AgendaSection, 'open' | 'overdue' | 'escalated' | 'reports' | 'supervision'>;

function sliceLists<T extends Lists>(lists: T, { offset, limit }: AgendaPage): [T, boolean] {
  const end = offset + limit;
  const more = [lists.open, lists.overdue, lists.escalated, lists.reports, lists.supervision].some(
    (list) => list.length > end,
  );
  return [
    {
      ...lists,
      open: lists.open.slice(offset, end),
      overdue: lists.overdue.slice(offset, end),
      escalated: lists.escalated.slice(offset, end),
      reports: lists.reports.slice(offset, end),
      supervision: lists.supervision.slice(offset, end),
    },
    more,
  ];
}

/** The agenda with each of its lists (per community, for a street) cut to the page. */
export function pageAgenda(agenda: Agenda, page: AgendaPage): { agenda: Agenda; more: boolean } {
  if (agenda.kind === 'community') {
    const [sliced, more] = sliceLists(agenda, page);
    return { agenda: sliced, more };
  }
  let more = false;
  const communities = agenda.communities.map((section) => {
    const [sliced, sectionMore] = sliceLists(section, page);
    more ||= sectionMore;
    return sliced;
  });
  return { agenda: { ...agenda, communities }, more };
}
