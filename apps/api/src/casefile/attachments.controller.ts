import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ATTACHMENT_MEDIA_TYPES,
  AttachmentsService,
  InvalidInputError,
  JurisdictionService,
  sniffMediaType,
} from '@tricolor/core';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { CurrentUser, type AuthUser } from '../auth';
import {
  AttachmentResponse,
  ListAttachmentsQuery,
  UploadAttachmentBody,
  WithdrawAttachmentDto,
} from './dto/attachment.dto';
import { ApiErrors } from '../http';
import { contentDisposition, type HeaderSink, type UploadedPart } from './uploaded-file';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('casefile')
@ApiBearerAuth()
@ApiErrors([401, 'no or a bad token'])
@ApiErrors([404, 'no such case (or the caller may not see it), or no such attachment'])
@Controller('disputes/:id/attachments')
export class AttachmentsController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Attach evidence or a signed scan to a case',
    description:
      'multipart/form-data with one part `file`. The type is sniffed from the content (JPEG, ' +
      'PNG, WebP, HEIC, PDF), never from the name; the SHA-256 goes on the audit trail as ' +
      'ATTACHMENT_ADDED in the same transaction as the row.',
    operationId: 'addAttachment',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentBody })
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiErrors([400, 'no `file` part'])
  @ApiErrors([409, 'the case changed meanwhile: retry'])
  @ApiErrors([413, 'larger than ATTACHMENT_MAX_BYTES; nothing stored'])
  @ApiErrors([415, 'not an accepted type by content'])
  async add(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<AttachmentResponse> {
    if (!file) throw new InvalidInputError('file', 'is required (a multipart/form-data part)');
    if (sniffMediaType(file.buffer) === null) {
      throw new UnsupportedMediaTypeException(
        `file must be one of ${ATTACHMENT_MEDIA_TYPES.join(', ')} by its content`,
      );
    }
    return this.attachments.add({
      actor: await this.jurisdiction.actorFor(user),
      disputeId: id,
      name: Buffer.from(file.originalname, 'latin1').toString('utf8'),
      bytes: file.buffer,
    });
  }

  @Get()
  @ApiOperation({
    summary: "The case's attachments, oldest first: who added each, when, size, type, SHA-256",
    operationId: 'listAttachments',
  })
  @ApiOkResponse({ type: AttachmentResponse, isArray: true })
  @ApiErrors([400, 'a bad query parameter'])
  async list(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: ListAttachmentsQuery,
  ): Promise<AttachmentResponse[]> {
    return this.attachments.list(
      await this.jurisdiction.actorFor(user),
      id,
      query.includeWithdrawn ?? false,
    );
  }

  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download one attachment (withdrawn ones are hidden: 404)',
    operationId: 'downloadAttachment',
  })
  @ApiOkResponse({
    description: 'the bytes as uploaded; header X-Content-SHA256 carries their hash',
    content: Object.fromEntries(ATTACHMENT_MEDIA_TYPES.map((t) => [t, BINARY])),
  })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const { attachment, bytes } = await this.attachments.download(
      await this.jurisdiction.actorFor(user),
      id,
      attachmentId,
    );
    res.setHeader('X-Content-SHA256', attachment.sha256);
    return new StreamableFile(bytes, {
      type: attachment.mediaType,
      length: bytes.length,
      disposition: contentDisposition(attachment.name),
    });
  }

  @Post(':attachmentId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a mistaken upload: recorded as ATTACHMENT_WITHDRAWN, hidden, never erased',
    operationId: 'withdrawAttachment',
  })
  @ApiOkResponse({ type: AttachmentResponse })
  @ApiErrors([400, 'no reason'])
  @ApiErrors([403, 'neither who added it, a handler of the case nor its supervisor'])
  @ApiErrors([409, 'the case changed meanwhile: retry'])
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Body() body: WithdrawAttachmentDto,
  ): Promise<AttachmentResponse> {
    return this.attachments.withdraw(
      await this.jurisdiction.actorFor(user),
      id,
      attachmentId,
      body.reason,
    );
  }
}
