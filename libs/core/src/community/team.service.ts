import { Injectable } from '@nestjs/common';
import {
  TeamChangeEntity,
  TeamMemberEntity,
  TransactionRunner,
  UnitEntity,
  UserEntity,
  isUniqueViolation,
  newId,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';
import { asRow } from '../as-row';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService, type UnitPlace } from '../jurisdiction/jurisdiction.service';
import { teamFitRefusal, teamGaps } from './rules/team-fit';
import { TEAM_ROLES, type TeamRole } from './rules/vocabulary';

export interface TeamMemberView {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  unitCode: string | null;
  teamRole: TeamRole;
  addedAt: string;
  addedBy: string;
}

export interface TeamView {
  community: { code: string; name: string; streetCode: string };
  members: TeamMemberView[];
  counts: Record<TeamRole, number>;
  /** What the team lacks to be a full 1+1+2+N+N team; empty when complete. */
  gaps: string[];
}

export interface TeamChangeView {
  userId: string;
  teamRole: TeamRole;
  change: 'added' | 'removed';
  actorId: string;
  actorRole: string;
  at: string;
}

const TEAM_ORDER = (r: TeamRole): number => TEAM_ROLES.indexOf(r);

/** A community's 1+1+2+N+N team: its members, their team roles, and every change to it. */
@Injectable()
export class TeamService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async get(actor: Actor, communityCode: string): Promise<TeamView> {
    const community = await this.visibleCommunity(actor, communityCode);
    return this.tx.run((m) => this.read(m, community));
  }

  async changes(actor: Actor, communityCode: string): Promise<TeamChangeView[]> {
    await this.visibleCommunity(actor, communityCode);
    const rows = await this.tx.run((m) =>
      m.find(TeamChangeEntity, { where: { communityCode }, order: { at: 'ASC', id: 'ASC' } }),
    );
    return rows.map((c) => ({
      userId: c.userId,
      teamRole: c.teamRole as TeamRole,
      change: c.change as 'added' | 'removed',
      actorId: c.actorId,
      actorRole: c.actorRole,
      at: c.at.toISOString(),
    }));
  }

  async add(
    actor: Actor,
    communityCode: string,
    userId: string,
    teamRole: TeamRole,
    at = new Date(),
  ): Promise<TeamView> {
    const community = await this.manageableCommunity(actor, communityCode);
    return this.tx.run(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: userId } });
      if (!user || !user.active) throw new InvalidInputError('userId', 'names no active user');
      const place = user.unitCode ? await this.jurisdiction.placeOf(user.unitCode) : undefined;
      const refusal = teamFitRefusal(
        teamRole,
        {
          role: user.role,
          unitKind: place?.kind ?? null,
          streetCode: place?.streetCode ?? null,
          communityCode: place?.communityCode ?? null,
        },
        { communityCode: community.code, streetCode: community.streetCode },
      );
      if (refusal) throw new InvalidInputError('teamRole', refusal);
      try {
        await m.insert(
          TeamMemberEntity,
          asRow<TeamMemberEntity>({
            id: newId(),
            communityCode: community.code,
            userId,
            teamRole,
            addedAt: at,
            addedBy: actor.id,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`user ${userId} is already on the team of ${community.code}`);
        }
        throw error;
      }
      await record(m, community.code, userId, teamRole, 'added', actor, at);
      return this.read(m, community);
    });
  }

  async remove(
    actor: Actor,
    communityCode: string,
    userId: string,
    at = new Date(),
  ): Promise<TeamView> {
    const community = await this.manageableCommunity(actor, communityCode);
    return this.tx.run(async (m) => {
      const member = await m.findOne(TeamMemberEntity, {
        where: { communityCode: community.code, userId },
      });
      if (!member) throw NotFoundError.of(`team member of ${community.code}`, userId);
      await m.delete(TeamMemberEntity, { id: member.id });
      await record(m, community.code, userId, member.teamRole, 'removed', actor, at);
      return this.read(m, community);
    });
  }

  /** Whether the user is on the community's team. */
  async isMember(m: EntityManager, communityCode: string, userId: string): Promise<boolean> {
    return (await m.count(TeamMemberEntity, { where: { communityCode, userId } })) > 0;
  }

  private async read(m: EntityManager, community: UnitPlace): Promise<TeamView> {
    const unit = await m.findOneOrFail(UnitEntity, { where: { code: community.code } });
    const rows = await m.find(TeamMemberEntity, { where: { communityCode: community.code } });
    const users = new Map(
      (rows.length ? await m.findBy(UserEntity, { id: In(rows.map((r) => r.userId)) }) : []).map(
        (u) => [u.id, u],
      ),
    );
    const members: TeamMemberView[] = rows
      .map((r) => {
        const user = users.get(r.userId);
        return {
          userId: r.userId,
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          role: user?.role ?? '',
          unitCode: user?.unitCode ?? null,
          teamRole: r.teamRole as TeamRole,
          addedAt: r.addedAt.toISOString(),
          addedBy: r.addedBy,
        };
      })
      .sort(
        (a, b) =>
          TEAM_ORDER(a.teamRole) - TEAM_ORDER(b.teamRole) || a.username.localeCompare(b.username),
      );
    const counts = Object.fromEntries(TEAM_ROLES.map((r) => [r, 0])) as Record<TeamRole, number>;
    for (const member of members) counts[member.teamRole] += 1;
    return {
      community: { code: unit.code, name: unit.name, streetCode: unit.streetCode },
      members,
      counts,
      gaps: teamGaps(counts),
    };
  }

  /** Anyone whose jurisdiction covers the community sees its team; for others it does not exist. */
  private async visibleCommunity(actor: Actor, code: string): Promise<UnitPlace> {
    const place = await this.jurisdiction.placeOf(code);
    if (!place || place.kind !== 'community') throw NotFoundError.of('community', code);
    const sees =
      actor.role === 'admin' ||
      ((actor.role === 'supervisor' || actor.role === 'judicial_officer') &&
        actor.streetCode === place.streetCode) ||
      (actor.communityCode !== null &&
        actor.communityCode !== undefined &&
        actor.communityCode === place.code);
    if (!sees) throw NotFoundError.of('community', code);
    return place;
  }

  /** The admin, or a supervisor of the community's street (as for users), sets up teams. */
  private async manageableCommunity(actor: Actor, code: string): Promise<UnitPlace> {
    const place = await this.jurisdiction.placeOf(code);
    if (!place || place.kind !== 'community') throw NotFoundError.of('community', code);
    const ok =
      actor.role === 'admin' ||
      (actor.role === 'supervisor' && actor.streetCode === place.streetCode);
    if (!ok) {
      throw new ForbiddenError(
        `only the admin or a supervisor of street ${place.streetCode} changes this team`,
      );
    }
    return place;
  }
}

async function record(
  m: EntityManager,
  communityCode: string,
  userId: string,
  teamRole: string,
  change: 'added' | 'removed',
  actor: Actor,
  at: Date,
): Promise<void> {
  await m.insert(
    TeamChangeEntity,
    asRow<TeamChangeEntity>({
      id: newId(),
      communityCode,
      userId,
      teamRole,
      change,
      actorId: actor.id,
      actorRole: actor.role,
      at,
    }),
  );
}
