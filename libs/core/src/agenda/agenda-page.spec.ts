import { AGENDA_LIST_CAP, pageAgenda } from './agenda-page';
import type { AgendaCase, CommunityAgenda, StreetAgenda } from './agenda.types';

const aCase = (n: number): AgendaCase => ({
  id: `c${n}`,
  reference: `R${n}`,
  title: 't',
  gridCode: 'G1',
  tier: 'blue',
  status: 'blue.mediating',
  openedAt: '2026-01-01T00:00:00.000Z',
  nextDeadlineAt: null,
  overdue: false,
});
const counts = { open: 5, overdue: 0, escalated: 0, openByTier: { blue: 5, yellow: 0, red: 0 } };
const lists = (n: number) => ({
  open: Array.from({ length: n }, (_, i) => aCase(i)),
  overdue: [],
  escalated: [],
  reports: [],
  supervision: [],
});
const header = {
  id: 'a',
  unit: { code: 'C1', name: 'C' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  escalatedSince: '2025-12-25T00:00:00.000Z',
  counts,
};

describe('pageAgenda', () => {
  const community: CommunityAgenda = { ...header, kind: 'community', ...lists(5) };

  it('cuts every list to the page and says whether more follow', () => {
    const first = pageAgenda(community, { offset: 0, limit: 2 });
    expect((first.agenda as CommunityAgenda).open.map((c) => c.id)).toEqual(['c0', 'c1']);
    expect(first.more).toBe(true);
    const last = pageAgenda(community, { offset: 4, limit: 2 });
    expect((last.agenda as CommunityAgenda).open.map((c) => c.id)).toEqual(['c4']);
    expect(last.more).toBe(false);
    expect(last.agenda.counts).toEqual(counts);
  });

  it('pages each community of a street', () => {
    const street: StreetAgenda = {
      ...header,
      kind: 'street',
      communities: [
        { community: { code: 'C1', name: 'C' }, counts, ...lists(3) },
        { community: { code: 'C2', name: 'D' }, counts, ...lists(1) },
      ],
    };
    const page = pageAgenda(street, { offset: 0, limit: 1 });
    const sections = (page.agenda as StreetAgenda).communities;
    expect(sections.map((s) => s.open.length)).toEqual([1, 1]);
    expect(page.more).toBe(true);
    expect(pageAgenda(street, { offset: 0, limit: 3 }).more).toBe(false);
  });

  it('caps a stored list at AGENDA_LIST_CAP', () => {
    const big: CommunityAgenda = { ...community, ...lists(AGENDA_LIST_CAP + 5) };
    const capped = pageAgenda(big, { offset: 0, limit: AGENDA_LIST_CAP });
    expect((capped.agenda as CommunityAgenda).open).toHaveLength(AGENDA_LIST_CAP);
  });
});
