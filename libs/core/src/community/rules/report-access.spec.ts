import type { Actor, Role } from '@tricolor/workflow';
import { actRefusal, disclosureFor, fileRefusal, maySeeReport } from './report-access';
import { teamFitRefusal, teamGaps } from './team-fit';

const report = {
  gridCode: 'G1',
  communityCode: 'C1',
  streetCode: 'S1',
  filedBy: 'gw1',
  assigneeId: null as string | null,
};
const actor = (id: string, role: Actor['role'], unit: Partial<Actor> = {}): Actor => ({
  id,
  role,
  streetCode: 'S1',
  communityCode: 'C1',
  gridCode: null,
  ...unit,
});

describe('who sees, files and works a 社情 report', () => {
  const gw1 = actor('gw1', 'grid_worker', { gridCode: 'G1' });
  const gw2 = actor('gw2', 'grid_worker', { gridCode: 'G2' });
  const vol = actor('vol', 'volunteer', { gridCode: 'G1' });
  const police = actor('police', 'community_police');
  const aux = actor('aux', 'auxiliary_police');
  const otherAux = actor('aux2', 'auxiliary_police', { communityCode: 'C2' });
  const supervisor = actor('super', 'supervisor', { communityCode: null });
  const officer = actor('officer', 'judicial_officer', { communityCode: null });
  const lawyer = actor('lawyer', 'lawyer', { communityCode: null });

  it('sees by the jurisdiction of cases, with auxiliary police on the community and volunteers on their grid', () => {
    const seeing = [gw1, gw2, vol, police, aux, otherAux, supervisor, officer, lawyer]
      .filter((a) => maySeeReport(a, report))
      .map((a) => a.id);
    expect(seeing).toEqual(['gw1', 'vol', 'police', 'aux', 'super', 'officer']);
  });

  it('files in the own grid (grid workers, volunteers) or community (police)', () => {
    expect(fileRefusal(gw1, report)).toBeNull();
    expect(fileRefusal(vol, report)).toBeNull();
    expect(fileRefusal(aux, report)).toBeNull();
    expect(fileRefusal(gw2, report)).toMatch(/may not file a report in grid G1/);
    expect(fileRefusal(supervisor, report)).not.toBeNull();
  });

  it('is worked by the community police, auxiliary police, supervisors and the assignee', () => {
    expect(actRefusal(police, report)).toBeNull();
    expect(actRefusal(aux, report)).toBeNull();
    expect(actRefusal(supervisor, report)).toBeNull();
    expect(actRefusal(gw1, report)).not.toBeNull();
    expect(actRefusal(otherAux, report)).not.toBeNull();
    expect(actRefusal(gw1, { ...report, assigneeId: 'gw1' })).toBeNull();
  });

  it('discloses people fully to those working it, masked to others, not at all to volunteers', () => {
    expect(disclosureFor(gw1, report)).toBe('full');
    expect(disclosureFor(police, report)).toBe('full');
    expect(disclosureFor(aux, report)).toBe('full');
    expect(disclosureFor(supervisor, report)).toBe('masked');
    expect(disclosureFor(gw2, { ...report, assigneeId: 'gw2' })).toBe('full');
    expect(disclosureFor(vol, { ...report, filedBy: 'vol' })).toBe('none');
  });
});

describe('the 1+1+2+N+N team', () => {
  const team = { communityCode: 'C1', streetCode: 'S1' };
  const user = (
    role: Role,
    unitKind: 'street' | 'community' | 'grid',
    communityCode: string | null = 'C1',
  ) =>
    ({ role, unitKind, streetCode: 'S1', communityCode }) as Parameters<typeof teamFitRefusal>[1];

  it('takes each team role from the matching user role and place', () => {
    expect(teamFitRefusal('cadre', user('supervisor', 'street', null), team)).toBeNull();
    expect(
      teamFitRefusal('community_police', user('community_police', 'community'), team),
    ).toBeNull();
    expect(
      teamFitRefusal('auxiliary_police', user('auxiliary_police', 'community'), team),
    ).toBeNull();
    expect(teamFitRefusal('grid_worker', user('grid_worker', 'grid'), team)).toBeNull();
    expect(teamFitRefusal('volunteer', user('volunteer', 'grid'), team)).toBeNull();
    expect(teamFitRefusal('cadre', user('grid_worker', 'grid'), team)).toMatch(
      /supervisor of street S1/,
    );
    expect(teamFitRefusal('grid_worker', user('grid_worker', 'grid', 'C2'), team)).toMatch(
      /community C1/,
    );
    expect(teamFitRefusal('volunteer', user('grid_worker', 'grid'), team)).not.toBeNull();
  });

  it('names what a team lacks', () => {
    expect(
      teamGaps({
        cadre: 1,
        community_police: 1,
        auxiliary_police: 2,
        grid_worker: 3,
        volunteer: 0,
      }),
    ).toEqual([]);
    expect(
      teamGaps({
        cadre: 0,
        community_police: 1,
        auxiliary_police: 1,
        grid_worker: 1,
        volunteer: 5,
      }),
    ).toEqual(['no cadre (包联干部)', '1 of 2 auxiliary police']);
  });
});
