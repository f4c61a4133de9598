import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { OUTCOMES, STATUSES } from '@tricolor/workflow';
import { CountsOf, DateTime, Integer, NullableDateTime, NullableString } from '../http/schema-kit';

@ApiSchema({ name: 'TierCounts' })
export class TierCountsResponse {
  @Integer('Cases now at this tier, or closed at it') total: number;
  @Integer() open: number;
  @Integer() closed: number;
  @Integer() overdue: number;

  @CountsOf(OUTCOMES, 'Closed cases by the outcome they closed with at this tier')
  outcomes: Record<string, number>;
}

@ApiSchema({ name: 'TierCountsByTier' })
export class TierCountsByTierResponse {
  @ApiProperty({ type: TierCountsResponse }) blue: TierCountsResponse;
  @ApiProperty({ type: TierCountsResponse }) yellow: TierCountsResponse;
  @ApiProperty({ type: TierCountsResponse }) red: TierCountsResponse;
}

@ApiSchema({ name: 'Settlement', description: 'A count and its share of the resolved cases' })
export class SettlementResponse {
  @Integer() count: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1,
    nullable: true,
    description: 'null when no case was resolved',
  })
  share: number | null;
}

@ApiSchema({ name: 'SettlementByTier' })
export class SettlementByTierResponse {
  @ApiProperty({ type: SettlementResponse }) blue: SettlementResponse;
  @ApiProperty({ type: SettlementResponse }) yellow: SettlementResponse;
  @ApiProperty({ type: SettlementResponse }) red: SettlementResponse;
}

@ApiSchema({ name: 'Settled', description: 'Resolved cases by the tier they were settled at' })
export class SettledResponse {
  @Integer() resolved: number;
  @ApiProperty({ type: SettlementByTierResponse }) atTier: SettlementByTierResponse;

  @ApiProperty({
    type: SettlementResponse,
    description: 'Settled at the tier they were opened at or below it: never sent further up',
  })
  withoutEscalation: SettlementResponse;
}

@ApiSchema({ name: 'TierTime', description: 'How long the cases that reached a tier spent at it' })
export class TierTimeResponse {
  @Integer() cases: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 0 }) averageHours: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0 }) medianHours: number | null;
}

@ApiSchema({ name: 'TierTimeByTier' })
export class TierTimeByTierResponse {
  @ApiProperty({ type: TierTimeResponse }) blue: TierTimeResponse;
  @ApiProperty({ type: TierTimeResponse }) yellow: TierTimeResponse;
  @ApiProperty({ type: TierTimeResponse }) red: TierTimeResponse;
}

@ApiSchema({ name: 'SupervisionCounts', description: 'Supervision notices (督办) on the cases' })
export class SupervisionCountsResponse {
  @Integer() issued: number;
  @Integer() open: number;
  @Integer() acknowledged: number;
  @Integer('Open notices whose "by when" has passed') openPastDue: number;
}

@ApiSchema({
  name: 'AgreementCounts',
  description:
    '调解成功 apart from what followed: agreements reached, confirmed by a court, performed in full',
})
export class AgreementCountsResponse {
  @Integer('Cases whose agreement took effect (调解成功), whatever followed') reached: number;
  @Integer('Cases with an agreement a court confirmed (PML Art. 33)') confirmed: number;
  @Integer('Cases closed resolved: the agreement performed in full') performed: number;
}

@ApiSchema({ name: 'MediationTypeCounts' })
export class MediationTypeCountsResponse {
  @Integer() total: number;
  @Integer() open: number;
  @Integer() closed: number;
  @Integer('Cases whose agreement took effect') agreementsReached: number;
  @CountsOf(OUTCOMES, 'Closed cases by outcome') outcomes: Record<string, number>;
}

@ApiSchema({
  name: 'MediationTypeCountsByType',
  description:
    '人民调解 (people), 治安调解 (police), 诉前/法院调解 (court): each body counts its own cases',
})
export class MediationTypeCountsByTypeResponse {
  @ApiProperty({ type: MediationTypeCountsResponse }) people: MediationTypeCountsResponse;
  @ApiProperty({ type: MediationTypeCountsResponse }) police: MediationTypeCountsResponse;
  @ApiProperty({ type: MediationTypeCountsResponse }) court: MediationTypeCountsResponse;
}

@ApiSchema({
  name: 'Stats',
  description: 'Counts, settlement shares and time per tier over the cases the caller may see',
})
export class StatsResponse {
  @NullableString('The unit asked for') unit: string | null;
  @NullableDateTime() from: string | null;
  @NullableDateTime() to: string | null;
  @DateTime() generatedAt: string;
  @Integer() total: number;
  @Integer() open: number;
  @Integer() closed: number;
  @Integer('Open cases flagged overdue or past their next deadline') overdue: number;
  @ApiProperty({ type: TierCountsByTierResponse }) byTier: TierCountsByTierResponse;
  @CountsOf(STATUSES, 'Cases by status') byStatus: Record<string, number>;
  @CountsOf(OUTCOMES, 'Closed cases by outcome') byOutcome: Record<string, number>;
  @ApiProperty({ type: SettledResponse }) settled: SettledResponse;
  @ApiProperty({ type: AgreementCountsResponse }) agreements: AgreementCountsResponse;
  @ApiProperty({ type: MediationTypeCountsByTypeResponse })
  byMediationType: MediationTypeCountsByTypeResponse;
  @ApiProperty({ type: TierTimeByTierResponse }) timePerTier: TierTimeByTierResponse;
  @ApiProperty({ type: SupervisionCountsResponse }) supervision: SupervisionCountsResponse;
}
