import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BundleService, BundleSigner, JurisdictionService } from '@tricolor/core';
import { CurrentUser, Public, type AuthUser } from '../auth';
import { SigningKeyResponse } from './dto/bundle.dto';
import { ApiErrors } from '../http';
import { Heavy } from '../throttle/heavy-query';
import { contentDisposition, type HeaderSink } from './uploaded-file';

@ApiTags('casefile')
@Controller()
export class BundleController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly bundles: BundleService,
    private readonly signer: BundleSigner,
  ) {}

  @Get('disputes/:id/bundle')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The case file as a ZIP a court can verify offline',
    description:
      'Documents (PDF and DOCX), attachments, the audit trail as JSON, and manifest.json (each ' +
      "file's SHA-256 and the chain head) signed by manifest.sig (Ed25519). Check it with " +
      '`node scripts/tricolor-verify.mjs bundle.zip --public-key <fingerprint>`. Masking as the ' +
      'case: numbers unmasked only for its handlers.',
    operationId: 'downloadBundle',
  })
  @ApiOkResponse({
    description: 'the bundle; X-Chain-Head-Seq and X-Chain-Head-Hash name its chain head',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors([401, 'no or a bad token'])
  @ApiErrors([404, 'no such case, or the caller may not see it'])
  @Heavy('case-file bundle')
  async bundle(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const bundle = await this.bundles.build(await this.jurisdiction.actorFor(user), id);
    res.setHeader('X-Chain-Head-Seq', String(bundle.manifest.chainHead.seq));
    res.setHeader('X-Chain-Head-Hash', bundle.manifest.chainHead.hash);
    return new StreamableFile(bundle.zip, {
      type: 'application/zip',
      length: bundle.zip.length,
      disposition: contentDisposition(bundle.fileName),
    });
  }

  @Get('casefile/signing-key')
  @Public()
  @ApiOperation({
    summary: 'The public key that signs case-file bundles, for courts to pin',
    operationId: 'bundleSigningKey',
  })
  @ApiOkResponse({ type: SigningKeyResponse })
  signingKey(): SigningKeyResponse {
    return this.signer.info;
  }
}
