import type { Role } from '@tricolor/workflow';
import type { TeamRole } from './vocabulary';

/** A user as team membership needs them: their role and where their unit sits. */
export interface Candidate {
  role: Role;
  unitKind: 'street' | 'community' | 'grid' | null;
  streetCode: string | null;
  communityCode: string | null;
}

export interface TeamPlace {
  communityCode: string;
  streetCode: string;
}

/**
 * Whether a user can hold a team role in a community, or why not. The team role is the
 * community-level name of the user's role, except the cadre (包联干部), who is one of the street's
 * supervisors assigned to the community.
 */
export function teamFitRefusal(
  teamRole: TeamRole,
  user: Candidate,
  team: TeamPlace,
): string | null {
  const inCommunity = user.communityCode === team.communityCode;
  switch (teamRole) {
    case 'cadre':
      return user.role === 'supervisor' && user.streetCode === team.streetCode
        ? null
        : `the cadre must be a supervisor of street ${team.streetCode}`;
    case 'community_police':
    case 'auxiliary_police':
      return user.role === teamRole && user.unitKind === 'community' && inCommunity
        ? null
        : `a ${teamRole} team member must be a ${teamRole} user of community ${team.communityCode}`;
    case 'grid_worker':
    case 'volunteer':
      return user.role === teamRole && user.unitKind === 'grid' && inCommunity
        ? null
        : `a ${teamRole} team member must be a ${teamRole} user of a grid of community ${team.communityCode}`;
  }
}

/** How far a team is from 1+1+2+N+N: one cadre, one police officer, two auxiliary police. */
export function teamGaps(counts: Record<TeamRole, number>): string[] {
  const gaps: string[] = [];
  if (counts.cadre < 1) gaps.push('no cadre (包联干部)');
  if (counts.community_police < 1) gaps.push('no community police officer');
  if (counts.auxiliary_police < 2) {
    gaps.push(`${counts.auxiliary_police} of 2 auxiliary police`);
  }
  if (counts.grid_worker < 1) gaps.push('no grid worker');
  return gaps;
}
