import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@tricolor/config';
import { AppModule } from '../app.module';
import { createOpenApiDocument } from './openapi';

export const OPENAPI_PATH = 'docs/openapi.json';

/** The API version the document states; raised with every change an integrator must know of. */
export const API_VERSION = '0.1.0';

/**
 * The OpenAPI document of the whole API, built without a database, Redis or a server: Nest's
 * preview mode registers the modules and routes without instantiating any provider.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', RUN_WORKER: 'false', JWT_SECRET: 'unused' });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createOpenApiDocument(app, API_VERSION);
  } finally {
    await app.close();
  }
}

/** The document as committed in docs/openapi.json: stable key order, two-space indent. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
