import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { DisputeQueriesService, JurisdictionService } from '@tricolor/core';
import { TransactionRunner, UserEntity } from '@tricolor/persistence';
import { In } from 'typeorm';
import { CurrentUser, type AuthUser } from '../auth';

/** A member of staff an event may name (ACCEPT's officer and lawyer, CONVENE_PANEL's members). */
export class CandidateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['judicial_officer', 'lawyer', 'panel_member'] }) role: string;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['police_station', 'judicial_office', 'law_firm', 'court'],
  })
  institution: string | null;
}

const NAMEABLE = ['judicial_officer', 'lawyer', 'panel_member'];

/**
 * Who may be named on a case: the officers, lawyers and panel members of its street. The console
 * offers these in its pickers; the statechart's guards still decide when the event is sent.
 */
@ApiTags('disputes')
@Controller('disputes')
export class CandidatesController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly queries: DisputeQueriesService,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  @Get(':id/candidates')
  @ApiOperation({
    summary: 'Staff who may be named on the case',
    description:
      "The street's judicial officers, lawyers and panel members; the case must be visible to the caller.",
    operationId: 'listDisputeCandidates',
  })
  @ApiOkResponse({ type: [CandidateView] })
  async list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CandidateView[]> {
    const dispute = await this.queries.get(await this.jurisdiction.actorFor(user), id);
    const staff = await this.tx.run((m) =>
      m.find(UserEntity, {
        where: { role: In(NAMEABLE), active: true },
        order: { displayName: 'ASC' },
      }),
    );
    const out: CandidateView[] = [];
    for (const u of staff) {
      const place = u.unitCode ? await this.jurisdiction.placeOf(u.unitCode) : undefined;
      if (place?.streetCode !== dispute.streetCode) continue;
      out.push({
        id: u.id,
        displayName: u.displayName,
        role: u.role,
        institution: u.institution ?? null,
      });
    }
    return out;
  }
}
