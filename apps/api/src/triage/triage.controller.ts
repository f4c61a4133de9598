import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RiskAssessmentResponse } from '../disputes/dto/dispute.response';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidInputError } from '@tricolor/core';
import {
  assessRisk,
  DEFAULT_INDICATORS,
  TIERS,
  type RiskAssessment,
  type Tier,
} from '@tricolor/workflow';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const CODES = DEFAULT_INDICATORS.map((i) => i.code);

/** The checklist as the intake form has it so far. */
export class TriagePreviewDto {
  @ApiProperty({ type: [String], enum: CODES })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  riskIndicators: string[];

  @ApiPropertyOptional({ enum: TIERS, nullable: true })
  @IsOptional()
  @IsIn(TIERS)
  requestedTier?: Tier | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  tierReason?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1e12 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  amount?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  partyCount?: number | null;
}

/**
 * The triage a dispute would get, without opening it: the intake form shows the suggestion live,
 * from the same rules that will record it.
 */
@ApiTags('disputes')
@Controller('triage')
export class TriageController {
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview the risk assessment of an intake',
    description: 'Scores the checklist as POST /disputes would, and records nothing.',
    operationId: 'previewTriage',
  })
  @ApiOkResponse({
    type: RiskAssessmentResponse,
    description: 'The suggested tier, the matched indicators and the thresholds',
  })
  preview(@Body() body: TriagePreviewDto): RiskAssessment {
    const assessed = assessRisk({
      indicators: body.riskIndicators,
      requestedTier: body.requestedTier ?? null,
      tierReason: body.tierReason ?? null,
      amount: body.amount ?? null,
      partyCount: body.partyCount ?? null,
    });
    if (!assessed.ok) {
      const field = assessed.field === 'indicators' ? 'riskIndicators' : assessed.field;
      throw new InvalidInputError(field, `is invalid: ${assessed.message}`);
    }
    return assessed.assessment;
  }
}
