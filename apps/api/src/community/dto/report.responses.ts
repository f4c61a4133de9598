import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPORT_CATEGORIES,
  REPORT_EVENT_TYPES,
  REPORT_STATUSES,
  REPORT_URGENCIES,
} from '@tricolor/core';
import { DisputeResponse } from '../../disputes/dto/dispute.response';

// Shapes for the OpenAPI document only; the services return plain objects of the same shape.

export class PointResponse {
  @ApiProperty({ example: 120.3826 }) lon: number;
  @ApiProperty({ example: 36.0671 }) lat: number;
}

export class ConcernedPersonResponse {
  @ApiProperty({ description: 'Masked (***) for volunteers' }) name: string;
  @ApiPropertyOptional({ description: 'Last 4 digits only unless the caller works the report' })
  phone?: string;
  @ApiPropertyOptional({ description: 'Last 4 digits only unless the caller works the report' })
  idNumber?: string;
  @ApiPropertyOptional() note?: string;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SQ-20261130-1A2B3C4D' }) reference: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() communityCode: string;
  @ApiProperty() streetCode: string;
  @ApiProperty({ enum: REPORT_CATEGORIES }) category: string;
  @ApiProperty({ enum: REPORT_URGENCIES }) urgency: string;
  @ApiProperty() summary: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [ConcernedPersonResponse] }) concerned: ConcernedPersonResponse[];
  @ApiProperty({ enum: ['full', 'masked', 'none'] }) disclosure: string;
  @ApiProperty({ type: String, nullable: true }) photoRef: string | null;
  @ApiProperty({ type: PointResponse, nullable: true }) location: PointResponse | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiProperty({ format: 'uuid' }) filedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    format: 'date-time',
    description: 'Look at it by then (next working day 17:30 Asia/Shanghai)',
  })
  reviewDueAt: string;
  @ApiProperty({ description: 'Still open, not looked at, and past reviewDueAt' }) overdue: boolean;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) overdueFlaggedAt:
    string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) lookedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lookedBy: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) handledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) handledBy: string | null;
  @ApiProperty({ type: String, nullable: true }) handlingNote: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) followUp: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The dispute it became' })
  disputeId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReportPageResponse {
  @ApiProperty({ type: [ReportResponse] }) items: ReportResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReportEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: REPORT_EVENT_TYPES }) type: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: object;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class IntakePartyResponse {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['applicant', 'respondent'] }) role: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() idNumber?: string;
}

/** The fields of POST /disputes, filled in from the report. */
export class IntakePrefillResponse {
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty() gridCode: string;
  @ApiProperty({ type: [IntakePartyResponse] }) parties: IntakePartyResponse[];
  @ApiProperty({ type: [String] }) riskIndicators: string[];
  @ApiPropertyOptional({ type: PointResponse }) location?: PointResponse;
}

export class ConvertResponse {
  @ApiProperty({ type: ReportResponse }) report: ReportResponse;
  @ApiProperty({
    type: () => DisputeResponse,
    description: 'The case opened, as POST /disputes returns it (reportId names the report)',
  })
  dispute: DisputeResponse;
}
