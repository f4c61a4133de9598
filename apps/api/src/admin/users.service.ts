import { Injectable } from '@nestjs/common';
import { TransactionRunner, UserEntity, isUniqueViolation, newId } from '@tricolor/persistence';
import type { Role, UnitKind } from '@tricolor/workflow';
import { hashPassword, type AuthUser } from '../auth';
import { ConflictError, ForbiddenError, InvalidInputError } from '@tricolor/core';
import { JurisdictionService } from '@tricolor/core';
import type { CreateUserDto } from './admin.dto';

/** The unit kind a role's jurisdiction is read from (§4); null: any unit. */
const ROLE_UNIT: Record<Role, UnitKind | null> = {
  grid_worker: 'grid',
  community_police: 'community',
  judicial_officer: 'street',
  supervisor: 'street',
  panel_member: 'street',
  lawyer: null,
  admin: null,
  auxiliary_police: 'community',
  volunteer: 'grid',
};

export type UserView = Omit<UserEntity, 'passwordHash'>;

export const toUserView = ({ passwordHash: _hash, ...user }: UserEntity): UserView => user;

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserView> {
    const unit = await this.jurisdiction.placeOf(dto.unitCode);
    if (!unit) throw new InvalidInputError('unitCode', `${dto.unitCode} is not a known unit`);
    const kind = ROLE_UNIT[dto.role];
    if (kind !== null && unit.kind !== kind) {
      throw new InvalidInputError(
        'unitCode',
        `a ${dto.role} belongs to a ${kind}, not a ${unit.kind}`,
      );
    }
    if (dto.role === 'panel_member' && dto.institution === undefined) {
      throw new InvalidInputError('institution', 'is required for a panel member');
    }
    if (dto.role !== 'panel_member' && dto.institution !== undefined) {
      throw new InvalidInputError('institution', 'is only for panel members');
    }
    if (caller.role === 'supervisor') {
      const own = await this.jurisdiction.placeOf(caller.unitCode);
      if (dto.role === 'admin' || !own || own.streetCode !== unit.streetCode) {
        throw new ForbiddenError(
          'a supervisor may only add users (not admins) in their own street',
        );
      }
    }
    const user: UserEntity = {
      id: newId(),
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      role: dto.role,
      unitCode: dto.unitCode,
      institution: dto.institution ?? null,
      active: true,
      createdAt: new Date(),
    };
    try {
      await this.tx.run((m) => m.insert(UserEntity, user));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`username ${dto.username} is taken`);
      throw error;
    }
    return toUserView(user);
  }

  list(): Promise<UserView[]> {
    return this.tx.run(async (m) =>
      (await m.find(UserEntity, { order: { username: 'ASC' } })).map(toUserView),
    );
  }
}
