import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentFormat } from '@tricolor/core';

export class DocumentListingResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty({ example: '人民调解协议书' }) title: string;
  @ApiProperty({ example: 'agreement@1' }) templateVersion: string;
  @ApiProperty({ enum: DOCUMENT_FORMATS, isArray: true }) formats: string[];
}

export class RenderDocumentQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}
