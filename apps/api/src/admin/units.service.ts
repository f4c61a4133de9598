import { Injectable } from '@nestjs/common';
import { TransactionRunner, UnitEntity, isUniqueViolation, newId } from '@tricolor/persistence';
import type { UnitKind } from '@tricolor/workflow';
import type { AuthUser } from '../auth';
import { ConflictError, ForbiddenError, InvalidInputError } from '@tricolor/core';
import { JurisdictionService } from '@tricolor/core';
import type { CreateUnitDto } from './admin.dto';

/** street → community → grid: each kind's parent kind. */
const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  street: null,
  community: 'street',
  grid: 'community',
};

@Injectable()
export class UnitsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async create(caller: AuthUser, dto: CreateUnitDto): Promise<UnitEntity> {
    const parentKind = PARENT_KIND[dto.kind];
    if (parentKind === null && dto.parentCode !== undefined) {
      throw new InvalidInputError('parentCode', 'must be empty for a street');
    }
    if (parentKind !== null && dto.parentCode === undefined) {
      throw new InvalidInputError(
        'parentCode',
        `is required for a ${dto.kind} (its ${parentKind})`,
      );
    }
    const parent = dto.parentCode ? await this.jurisdiction.placeOf(dto.parentCode) : undefined;
    if (dto.parentCode && (!parent || parent.kind !== parentKind)) {
      throw new InvalidInputError('parentCode', `${dto.parentCode} is not a ${parentKind}`);
    }
    // Supervisors manage their own street; admins manage all.
    if (caller.role === 'supervisor') {
      const own = await this.jurisdiction.placeOf(caller.unitCode);
      const street = parent?.streetCode ?? dto.code;
      if (!own || dto.kind === 'street' || own.streetCode !== street) {
        throw new ForbiddenError(
          'a supervisor may only add communities and grids to their own street',
        );
      }
    }
    const unit: UnitEntity = {
      id: newId(),
      code: dto.code,
      name: dto.name,
      kind: dto.kind,
      parentCode: dto.parentCode ?? null,
      streetCode: parent?.streetCode ?? dto.code,
      communityCode: dto.kind === 'community' ? dto.code : (parent?.communityCode ?? null),
      createdAt: new Date(),
    };
    try {
      await this.tx.run((m) => m.insert(UnitEntity, unit));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`unit code ${dto.code} is taken`);
      throw error;
    }
    return unit;
  }

  list(): Promise<UnitEntity[]> {
    return this.tx.run((m) => m.find(UnitEntity, { order: { code: 'ASC' } }));
  }
}
