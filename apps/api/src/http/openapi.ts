import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
export const BEARER_SCHEME = 'bearer';

/** Serves the OpenAPI document: the UI at `/docs`, the JSON at `/docs-json`. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const config = new DocumentBuilder()
    .setTitle('Tricolor')
    .setDescription(
      'Three-tier (blue / yellow / red) dispute mediation workflow engine. ' +
        'Every error is `{statusCode, error, message}`; a refused event (422) adds ' +
        '`reason` and `allowedEvents`.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every route needs a token unless it is marked @Public(), which lifts this per operation.
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  // A factory, so the document is built on first request, once every route is registered.
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config));
}
