import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TIERS, type Tier } from '@tricolor/workflow';

export class IssueSupervisionDto {
  @ApiProperty({ example: '当事人多次来访，请尽快组织调解' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ format: 'date-time', description: 'By when the handler must act' })
  @IsISO8601({ strict: true }, { message: 'dueBy must be an ISO 8601 date-time' })
  dueBy: string;
}

export class AcknowledgeSupervisionDto {
  @ApiPropertyOptional({ example: '已约双方周四上午调解' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SupervisionQuery {
  @ApiPropertyOptional({ description: 'A street, community or grid code' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'unit must be 1-50 letters, digits, _ or -' })
  unit?: string;
}

export class SupervisionNoticeResponse {
  @ApiProperty() id: string;
  @ApiProperty() disputeId: string;
  @ApiProperty() issuedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) dueBy: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgement: string | null;
  @ApiProperty({ description: 'Not yet acknowledged' }) open: boolean;
}

export class DeadlineWatchResponse {
  @ApiProperty({ type: String, nullable: true }) timerId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt: string | null;
  @ApiProperty({ enum: ['working_time', 'calendar_time'] })
  countedIn: 'working_time' | 'calendar_time';
  @ApiProperty({ description: "The deadline's window, in ms of the time it is counted in" })
  windowMs: number;
  @ApiProperty() remainingMs: number;
  @ApiProperty({ description: 'What is left as a share of the window' }) shareLeft: number;
  @ApiProperty({ enum: ['at_risk', 'overdue'], nullable: true }) risk: string | null;
}

export class WatchedCaseResponse {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TIERS }) tier: Tier;
  @ApiProperty() status: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() communityCode: string;
  @ApiProperty() streetCode: string;
  @ApiProperty({ enum: ['at_risk', 'overdue'] }) risk: string;
  @ApiProperty({ type: DeadlineWatchResponse }) deadline: DeadlineWatchResponse;
  @ApiProperty() openNotices: number;
}

export class UnitWatchResponse {
  @ApiProperty() unitCode: string;
  @ApiProperty() atRisk: number;
  @ApiProperty() overdue: number;
}

export class WatchListResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ example: 0.2 }) share: number;
  @ApiProperty({ type: [UnitWatchResponse] }) units: UnitWatchResponse[];
  @ApiProperty({ type: [WatchedCaseResponse] }) cases: WatchedCaseResponse[];
  @ApiProperty() truncated: boolean;
}
