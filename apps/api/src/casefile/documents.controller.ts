import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  DocumentsService,
  InvalidInputError,
  JurisdictionService,
  type DocumentKind,
} from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { DocumentListingResponse, RenderDocumentQuery } from './dto/document.dto';
import { ApiErrors } from '../http';
import { Heavy } from '../throttle/heavy-query';
import { contentDisposition, type HeaderSink } from './uploaded-file';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('casefile')
@ApiBearerAuth()
@ApiErrors([401, 'no or a bad token'])
@ApiErrors([
  404,
  'no such case (or the caller may not see it), or the document is not available yet',
])
@Controller('disputes/:id/documents')
export class DocumentsController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The documents the case's state makes available",
    operationId: 'listDocuments',
  })
  @ApiOkResponse({ type: DocumentListingResponse, isArray: true })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<DocumentListingResponse[]> {
    return this.documents.list(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':kind')
  @ApiOperation({
    summary: 'One document of the case file, in Chinese, as PDF (CJK font embedded) or DOCX',
    description:
      'Generated from the case as the caller may see it: phone and ID numbers are unmasked only ' +
      'for the handlers of an open case. Headers X-Template-Version, X-Audit-Seq and X-Audit-Hash ' +
      'name the template and the audit record it was made from; the document prints them too.',
    operationId: 'renderDocument',
  })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiOkResponse({
    description: 'the document',
    content: { [DOCUMENT_MEDIA_TYPES.pdf]: BINARY, [DOCUMENT_MEDIA_TYPES.docx]: BINARY },
  })
  @ApiErrors([400, 'an unknown kind or format'])
  @Heavy('document')
  async render(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Query() query: RenderDocumentQuery,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidInputError('kind', `must be one of ${DOCUMENT_KINDS.join(', ')}`);
    }
    const doc = await this.documents.render(
      await this.jurisdiction.actorFor(user),
      id,
      kind as DocumentKind,
      query.format ?? 'pdf',
    );
    res.setHeader('X-Template-Version', doc.templateVersion);
    res.setHeader('X-Audit-Seq', String(doc.auditSeq));
    res.setHeader('X-Audit-Hash', doc.auditHash);
    return new StreamableFile(doc.bytes, {
      type: doc.mediaType,
      length: doc.bytes.length,
      disposition: contentDisposition(doc.fileName),
    });
  }
}
