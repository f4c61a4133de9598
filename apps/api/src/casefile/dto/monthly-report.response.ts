import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Breakdown, MonthlyReport, SupervisionFigures, TierShares } from '@tricolor/core';
import { MEDIATION_TYPES, TIERS, type MediationType, type Tier } from '@tricolor/workflow';
import { CountsBy, CountsOf, DateTime, Integer } from '../../http/schema-kit';

// The JSON of GET /reports/monthly (MonthlyReport in libs/core), for the OpenAPI document. Each
// class `implements` its core interface, so a figure added to or renamed in the report fails to
// compile here; the e2e suites hold the served JSON to this schema, so nothing else can drift.

const AMOUNT = { type: Number, minimum: 0, description: 'Yuan, to the cent' } as const;
const SHARE = { type: Number, minimum: 0, maximum: 1, nullable: true } as const;

@ApiSchema({
  name: 'MonthlyReportBreakdown',
  description: 'Cases counted by mediation type, source, category and tier',
})
export class MonthlyReportBreakdownResponse implements Breakdown {
  @Integer() total: number;

  @CountsOf(MEDIATION_TYPES, '人民调解 (people), 治安调解 (police), 诉前/法院调解 (court)')
  byMediationType: Record<MediationType, number>;

  @CountsBy('By the source recorded at opening; only the sources that occur')
  bySource: Record<string, number>;

  @CountsBy('By category; only the categories that occur')
  byCategory: Record<string, number>;

  @CountsOf(TIERS, 'By tier: opened at (accepted), or at closing (closed)')
  byTier: Record<Tier, number>;
}

@ApiSchema({ name: 'MonthlyReportAccepted', description: 'Cases opened in the month' })
export class MonthlyReportAcceptedResponse extends MonthlyReportBreakdownResponse {
  @ApiProperty({ ...AMOUNT, description: 'The amount at stake, yuan to the cent' })
  amount: number;
}

@ApiSchema({ name: 'MonthlyReportClosed', description: 'Cases closed in the month' })
export class MonthlyReportClosedResponse extends MonthlyReportBreakdownResponse {
  @CountsBy('By outcome (`unknown` for a case closed without one); only those that occur')
  byOutcome: Record<string, number>;
}

@ApiSchema({ name: 'MonthlyReportMediation' })
export class MonthlyReportMediationResponse {
  @Integer('Successful plus the cases closed as a failure of mediation') concluded: number;
  @Integer('Agreements reached in the month (调解成功)') successful: number;

  @ApiProperty({ ...SHARE, description: 'successful / concluded; null when none concluded' })
  successRate: number | null;
}

@ApiSchema({ name: 'MonthlyReportAgreements', description: 'Agreements reached in the month' })
export class MonthlyReportAgreementsResponse {
  @Integer() written: number;
  @Integer() oral: number;
  @ApiProperty({ ...AMOUNT, description: 'The amount of the cases agreed, yuan to the cent' })
  amount: number;
}

@ApiSchema({ name: 'MonthlyReportPerformance', description: 'Follow-ups recorded in the month' })
export class MonthlyReportPerformanceResponse {
  @Integer() full: number;
  @Integer() partial: number;
  @Integer() none: number;
}

@ApiSchema({ name: 'MonthlyReportJudicialConfirmation' })
export class MonthlyReportJudicialConfirmationResponse {
  @Integer() applied: number;
  @Integer() granted: number;
  @Integer() refused: number;
}

@ApiSchema({
  name: 'MonthlyReportTierShares',
  description: 'Each tier’s share of the settled cases; null when none was settled',
})
export class MonthlyReportTierSharesResponse implements TierShares {
  @ApiProperty(SHARE) blue: number | null;
  @ApiProperty(SHARE) yellow: number | null;
  @ApiProperty(SHARE) red: number | null;
}

@ApiSchema({
  name: 'MonthlyReportSettledByTier',
  description: 'Cases closed resolved in the month by the tier that settled them (小事不出网格)',
})
export class MonthlyReportSettledByTierResponse implements Record<Tier, number> {
  @Integer() blue: number;
  @Integer() yellow: number;
  @Integer() red: number;
  @Integer() total: number;
  @ApiProperty({ type: MonthlyReportTierSharesResponse }) shares: MonthlyReportTierSharesResponse;
}

@ApiSchema({ name: 'MonthlyReportSupervision', description: 'Supervision (督办) in the month' })
export class MonthlyReportSupervisionResponse implements SupervisionFigures {
  @Integer('Notices issued in the month') issued: number;
  @Integer('Distinct cases a notice was issued on in the month') pressedCases: number;
  @Integer('Acknowledgements recorded in the month') acknowledged: number;

  @Integer('Notices whose time (dueBy) fell in the month and has passed, unanswered by then')
  pastDueUnacknowledged: number;

  @Integer('Distinct cases that missed a deadline in the month after a notice pressed on them')
  breachedAfterPressing: number;
}

@ApiSchema({
  name: 'MonthlyReport',
  description: '人民调解工作统计: one unit’s month, the figures of the XLSX and CSV',
})
export class MonthlyReportResponse implements MonthlyReport {
  @ApiProperty({ description: 'The street, community or grid code', example: 'S1' })
  unit: string;

  @ApiProperty({ description: 'YYYY-MM', example: '2026-11' })
  month: string;

  @DateTime('The month’s start in Beijing time') from: string;
  @DateTime('The next month’s start in Beijing time (exclusive)') to: string;

  @ApiProperty({ type: MonthlyReportAcceptedResponse }) accepted: MonthlyReportAcceptedResponse;
  @ApiProperty({ type: MonthlyReportClosedResponse }) closed: MonthlyReportClosedResponse;
  @ApiProperty({ type: MonthlyReportMediationResponse })
  mediation: MonthlyReportMediationResponse;
  @ApiProperty({ type: MonthlyReportAgreementsResponse })
  agreements: MonthlyReportAgreementsResponse;
  @ApiProperty({ type: MonthlyReportPerformanceResponse })
  performance: MonthlyReportPerformanceResponse;
  @ApiProperty({ type: MonthlyReportJudicialConfirmationResponse })
  judicialConfirmation: MonthlyReportJudicialConfirmationResponse;
  @ApiProperty({ type: MonthlyReportSettledByTierResponse })
  settledByTier: MonthlyReportSettledByTierResponse;

  @Integer('Cases that missed a deadline (DEADLINE_EXPIRED) in the month') overdue: number;

  @ApiProperty({ type: MonthlyReportSupervisionResponse })
  supervision: MonthlyReportSupervisionResponse;
}
