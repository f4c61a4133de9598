import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { STATUSES, TIERS, type Status, type Tier } from '@tricolor/workflow';
import { DateTime, Integer, NullableDateTime, NullableString, OneOf } from '../http/schema-kit';

@ApiSchema({ name: 'AgendaUnit' })
export class AgendaUnitResponse {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;
}

@ApiSchema({ name: 'CountByTier' })
export class CountByTierResponse {
  @Integer() blue: number;
  @Integer() yellow: number;
  @Integer() red: number;
}

@ApiSchema({ name: 'AgendaCounts' })
export class AgendaCountsResponse {
  @Integer() open: number;
  @Integer() overdue: number;

  @Integer('Distinct cases escalated in the window')
  escalated: number;

  @ApiProperty({ type: CountByTierResponse })
  openByTier: CountByTierResponse;
}

@ApiSchema({ name: 'AgendaCase', description: 'An open case on the agenda' })
export class AgendaCaseResponse {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() gridCode: string;
  @OneOf(TIERS) tier: Tier;
  @OneOf(STATUSES) status: Status;
  @DateTime() openedAt: string;
  @NullableDateTime() nextDeadlineAt: string | null;

  @ApiProperty({ description: 'Flagged overdue, or its next deadline passed before the agenda' })
  overdue: boolean;

  @ApiPropertyOptional({
    description:
      'PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded)',
  })
  private?: boolean;
}

@ApiSchema({ name: 'AgendaReport', description: 'A 社情 report of the week' })
export class AgendaReportResponse {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() category: string;
  @ApiProperty() urgency: string;
  @ApiProperty() status: string;
  @ApiProperty() summary: string;
  @DateTime() filedAt: string;
  @NullableString('The case it became, if converted') disputeId: string | null;
  @ApiProperty({ description: 'Nobody looked at it by its review time' }) overdue: boolean;
}

@ApiSchema({
  name: 'AgendaSupervision',
  description: 'A supervision notice (督办): still open, or issued in the last week',
})
export class AgendaSupervisionResponse {
  @ApiProperty() noticeId: string;
  @ApiProperty() disputeId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() reason: string;
  @DateTime() dueBy: string;
  @DateTime() issuedAt: string;
  @ApiProperty() acknowledged: boolean;

  @ApiPropertyOptional({
    description:
      'PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded)',
  })
  private?: boolean;
}

@ApiSchema({ name: 'AgendaActor' })
export class AgendaActorResponse {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'AgendaEscalation', description: 'One move to a higher tier' })
export class AgendaEscalationResponse {
  @ApiProperty() disputeId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() gridCode: string;
  @OneOf(TIERS) fromTier: Tier;
  @OneOf(TIERS) toTier: Tier;

  @ApiProperty({ description: 'The event that raised the tier, e.g. ESCALATE or DEADLINE_EXPIRED' })
  event: string;

  @ApiProperty({ description: 'Raised by a timer rather than a person' })
  automatic: boolean;

  @ApiProperty({ type: AgendaActorResponse }) by: AgendaActorResponse;
  @ApiProperty() reason: string;
  @DateTime() at: string;

  @OneOf(STATUSES, { description: 'Where the case is now' })
  status: Status;

  @ApiPropertyOptional({
    description:
      'PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded)',
  })
  private?: boolean;
}

@ApiSchema({ name: 'AgendaSection', description: 'What the meeting goes through for a community' })
export class AgendaSectionResponse {
  @ApiProperty({ type: AgendaUnitResponse }) community: AgendaUnitResponse;
  @ApiProperty({ type: AgendaCountsResponse }) counts: AgendaCountsResponse;
  @ApiProperty({ type: [AgendaCaseResponse] }) open: AgendaCaseResponse[];
  @ApiProperty({ type: [AgendaCaseResponse] }) overdue: AgendaCaseResponse[];
  @ApiProperty({ type: [AgendaEscalationResponse] }) escalated: AgendaEscalationResponse[];

  @ApiProperty({
    type: [AgendaReportResponse],
    description: 'The 社情 reports filed in the week, newest first',
  })
  reports: AgendaReportResponse[];

  @ApiProperty({ type: [AgendaSupervisionResponse] })
  supervision: AgendaSupervisionResponse[];
}

@ApiSchema({ name: 'AgendaPage', description: 'Which items of each list this answer holds' })
export class AgendaPageResponse {
  @Integer() offset: number;
  @Integer() limit: number;

  @ApiProperty({ description: 'Some list holds more items after this page' })
  more: boolean;
}

class AgendaHeader {
  @ApiProperty() id: string;
  @ApiProperty({ type: AgendaUnitResponse }) unit: AgendaUnitResponse;
  @DateTime() generatedAt: string;

  @DateTime('Escalations from this instant up to generatedAt are listed (the last 7 days)')
  escalatedSince: string;

  @ApiProperty({ type: AgendaCountsResponse }) counts: AgendaCountsResponse;

  @ApiProperty({
    type: AgendaPageResponse,
    description:
      'Lists are paged (limit, offset) and stored with at most 1000 items each, the most urgent first; counts are whole',
  })
  page: AgendaPageResponse;
}

@ApiSchema({ name: 'CommunityAgenda' })
export class CommunityAgendaResponse extends AgendaHeader {
  @ApiProperty({ enum: ['community'] }) kind: 'community';
  @ApiProperty({ type: [AgendaCaseResponse] }) open: AgendaCaseResponse[];
  @ApiProperty({ type: [AgendaCaseResponse] }) overdue: AgendaCaseResponse[];
  @ApiProperty({ type: [AgendaEscalationResponse] }) escalated: AgendaEscalationResponse[];

  @ApiProperty({
    type: [AgendaReportResponse],
    description: 'The 社情 reports filed in the week, newest first',
  })
  reports: AgendaReportResponse[];

  @ApiProperty({ type: [AgendaSupervisionResponse] })
  supervision: AgendaSupervisionResponse[];
}

@ApiSchema({ name: 'StreetAgenda' })
export class StreetAgendaResponse extends AgendaHeader {
  @ApiProperty({ enum: ['street'] }) kind: 'street';

  @ApiProperty({
    type: [AgendaSectionResponse],
    description: 'Every community of the street, by code, including those with nothing to discuss',
  })
  communities: AgendaSectionResponse[];
}

/** The weekly joint-meeting agenda is one or the other, told apart by `kind`. */
export const AGENDA_MODELS = [CommunityAgendaResponse, StreetAgendaResponse];
