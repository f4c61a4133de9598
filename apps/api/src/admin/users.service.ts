import { Inject, Injectable } from '@nestjs/common';
import { TransactionRunner, UserEntity, isUniqueViolation, newId } from '@tricolor/persistence';
import type { Role, UnitKind } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import {
  ACCOUNT_GATE,
  hashPassword,
  passwordProblem,
  type AccountGate,
  type AuthUser,
} from '../auth';
import {
  AccountAuditLog,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  type AccountChange,
} from '@tricolor/core';
import { JurisdictionService } from '@tricolor/core';
import type { CreateUserDto, UpdateUserDto } from './admin.dto';

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

/**
 * The roles a supervisor manages in their own street. The others read numbers a supervisor may
 * not (panel members, lawyers) or manage other users (supervisors): only an admin creates or
 * changes them. Chosen over a supervisor's request waiting for an admin's approval: the same
 * admin decision, without a queue of half-made accounts to secure and expire.
 */
const SUPERVISOR_MANAGES: ReadonlySet<Role> = new Set([
  'grid_worker',
  'community_police',
  'auxiliary_police',
  'volunteer',
]);

export type UserView = Omit<UserEntity, 'passwordHash' | 'tokenVersion'>;

export const toUserView = ({
  passwordHash: _hash,
  tokenVersion: _version,
  ...user
}: UserEntity): UserView => user;

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AccountAuditLog,
    @Inject(ACCOUNT_GATE) private readonly gate: AccountGate,
  ) {}

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserView> {
    await this.checkPlacement(caller, dto.role, dto.unitCode, dto.institution);
    const problem = passwordProblem(dto.password, dto.username);
    if (problem) throw new InvalidInputError('password', problem);
    const user: UserEntity = {
      id: newId(),
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      role: dto.role,
      unitCode: dto.unitCode,
      institution: dto.institution ?? null,
      active: true,
      tokenVersion: 0,
      createdAt: new Date(),
    };
    try {
      await this.audit.record(async (m) => {
        await m.insert(UserEntity, user);
        return {
          result: undefined,
          change: this.change(caller, 'create', user.id, {
            username: user.username,
            role: user.role,
            unitCode: user.unitCode,
            institution: user.institution,
          }),
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`username ${dto.username} is taken`);
      throw error;
    }
    return toUserView(user);
  }

  /** Admins: everyone. Supervisors: the users of their own street (§4). */
  async list(caller: AuthUser): Promise<UserView[]> {
    const street = caller.role === 'admin' ? undefined : await this.streetOf(caller);
    const users = await this.tx.run((m) => m.find(UserEntity, { order: { username: 'ASC' } }));
    const visible: UserView[] = [];
    for (const u of users) {
      if (street === undefined || (await this.inStreet(u, street))) visible.push(toUserView(u));
    }
    return visible;
  }

  /**
   * Deactivate, reactivate, reset the password, change role, unit or institution. Each change
   * is audited and bumps the account's token version: its tokens stop working.
   */
  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const target = await this.tx.run((m) => m.findOne(UserEntity, { where: { id } }));
    // A user the caller may not manage does not exist for them.
    if (!target || !(await this.mayManage(caller, target))) throw NotFoundError.of('user', id);
    if (target.id === caller.id && (dto.active === false || dto.role !== undefined)) {
      throw new ForbiddenError('you may not deactivate yourself or change your own role');
    }
    const role = dto.role ?? target.role;
    const unitCode = dto.unitCode ?? target.unitCode ?? '';
    const institution =
      dto.institution !== undefined
        ? dto.institution
        : role === 'panel_member'
          ? target.institution
          : null;
    if (dto.role !== undefined || dto.unitCode !== undefined || dto.institution !== undefined) {
      await this.checkPlacement(caller, role, unitCode, institution ?? undefined);
    }
    if (dto.password !== undefined) {
      const problem = passwordProblem(dto.password, target.username);
      if (problem) throw new InvalidInputError('password', problem);
    }
    const changes: Partial<UserEntity> = {};
    const audited: AccountChange[] = [];
    if (dto.active !== undefined && dto.active !== target.active) {
      changes.active = dto.active;
      audited.push(this.change(caller, dto.active ? 'reactivate' : 'deactivate', id, {}));
    }
    if (dto.password !== undefined) {
      changes.passwordHash = await hashPassword(dto.password);
      audited.push(this.change(caller, 'reset_password', id, {}));
    }
    if (role !== target.role || (institution ?? null) !== target.institution) {
      changes.role = role;
      changes.institution = institution ?? null;
      audited.push(
        this.change(caller, 'change_role', id, {
          from: target.role,
          to: role,
          institution: institution ?? null,
        }),
      );
    }
    if (unitCode !== (target.unitCode ?? '')) {
      changes.unitCode = unitCode;
      audited.push(this.change(caller, 'change_unit', id, { from: target.unitCode, to: unitCode }));
    }
    if (audited.length === 0) return toUserView(target);
    changes.tokenVersion = (target.tokenVersion ?? 0) + 1;
    await this.audit.record(async (m) => {
      await m.update(UserEntity, { id }, changes);
      for (const change of audited.slice(0, -1)) await this.audit.append(m, change);
      return { result: undefined, change: audited[audited.length - 1] };
    });
    this.gate.forget(id);
    return toUserView({ ...target, ...changes });
  }

  /** Sets the caller's own password (already checked and hashed); audited; old tokens end. */
  async changeOwnPassword(
    caller: AuthUser,
    account: UserEntity,
    passwordHash: string,
  ): Promise<UserEntity> {
    const tokenVersion = (account.tokenVersion ?? 0) + 1;
    await this.audit.record(async (m) => {
      await m.update(UserEntity, { id: account.id }, { passwordHash, tokenVersion });
      return {
        result: undefined,
        change: this.change(caller, 'change_own_password', account.id, {}),
      };
    });
    this.gate.forget(account.id);
    return { ...account, passwordHash, tokenVersion };
  }

  /** Bumps the token version: every token of the account stops working (logout). */
  async revokeTokens(m: EntityManager, user: UserEntity): Promise<number> {
    const tokenVersion = (user.tokenVersion ?? 0) + 1;
    await m.update(UserEntity, { id: user.id }, { tokenVersion });
    this.gate.forget(user.id);
    return tokenVersion;
  }

  change(
    caller: Pick<AuthUser, 'id' | 'role'>,
    action: AccountChange['action'],
    targetId: string,
    details: AccountChange['details'],
  ): AccountChange {
    return {
      actorId: caller.id,
      actorRole: caller.role,
      action,
      targetId,
      details,
      at: new Date(),
    };
  }

  private async checkPlacement(
    caller: AuthUser,
    role: Role,
    unitCode: string,
    institution: string | undefined,
  ): Promise<void> {
    const unit = await this.jurisdiction.placeOf(unitCode);
    if (!unit) throw new InvalidInputError('unitCode', `${unitCode} is not a known unit`);
    const kind = ROLE_UNIT[role];
    if (kind !== null && unit.kind !== kind) {
      throw new InvalidInputError('unitCode', `a ${role} belongs to a ${kind}, not a ${unit.kind}`);
    }
    if (role === 'panel_member' && institution === undefined) {
      throw new InvalidInputError('institution', 'is required for a panel member');
    }
    if (role !== 'panel_member' && institution !== undefined) {
      throw new InvalidInputError('institution', 'is only for panel members');
    }
    if (caller.role !== 'admin') {
      const own = await this.streetOf(caller);
      if (!SUPERVISOR_MANAGES.has(role) || own !== unit.streetCode) {
        throw new ForbiddenError(
          'a supervisor may only add grid workers, community and auxiliary police and volunteers in their own street; an admin adds the other roles',
        );
      }
    }
  }

  private async mayManage(caller: AuthUser, target: UserEntity): Promise<boolean> {
    if (caller.role === 'admin') return true;
    const street = await this.streetOf(caller);
    return SUPERVISOR_MANAGES.has(target.role) && (await this.inStreet(target, street));
  }

  private async streetOf(caller: AuthUser): Promise<string | null> {
    return (await this.jurisdiction.placeOf(caller.unitCode))?.streetCode ?? null;
  }

  private async inStreet(user: UserEntity, street: string | null): Promise<boolean> {
    if (street === null || !user.unitCode) return false;
    return (await this.jurisdiction.placeOf(user.unitCode))?.streetCode === street;
  }
}
