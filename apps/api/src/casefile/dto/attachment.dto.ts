import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ATTACHMENT_MEDIA_TYPES } from '@tricolor/core';

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) disputeId: string;
  @ApiProperty({ description: "the uploader's file name, for display only" }) name: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES, description: 'sniffed from the content' })
  mediaType: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex; also on the audit trail' })
  sha256: string;
  @ApiProperty({ description: 'user id of who added it' }) addedBy: string;
  @ApiProperty({ type: String, nullable: true }) addedByName: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
  @ApiProperty({ description: 'seq of the ATTACHMENT_ADDED record on the audit trail' })
  auditSeq: number;
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnBy: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnReason: string | null;
}

export class UploadAttachmentBody {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG, WebP, HEIC or PDF, checked by content; at most ATTACHMENT_MAX_BYTES',
  })
  file: unknown;
}

export class ListAttachmentsQuery {
  @ApiPropertyOptional({ description: 'also list withdrawn attachments (default false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  includeWithdrawn?: boolean;
}

export class WithdrawAttachmentDto {
  @ApiProperty({ description: 'why the upload was a mistake', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
