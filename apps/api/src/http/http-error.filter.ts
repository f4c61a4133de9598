import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { localizeErrorBody, languageOf } from './language';
import { toErrorBody } from './to-error-body';

/** Catches everything, so that every error leaves as `{statusCode, error, message}`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const answer = toErrorBody(exception);
    const { unexpected } = answer;
    const request = host
      .switchToHttp()
      .getRequest<{ headers?: Record<string, unknown> } | undefined>();
    const body = localizeErrorBody(
      answer.body,
      languageOf(request?.headers?.['accept-language'] as string | string[] | undefined),
    );
    if (unexpected) {
      // The client only gets a generic message; the details are for the operator.
      this.logger.error(
        describe(exception),
        exception instanceof Error ? exception.stack : undefined,
      );
    } else if (body.statusCode >= 500) {
      // e.g. a 503 while the database restarts: one line, with the driver's own words.
      this.logger.warn(`${body.statusCode} ${String(body.message)} (${describe(exception)})`);
    }
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    if (httpAdapter.isHeadersSent(response)) {
      // A streamed answer already started: all we can do is end it.
      httpAdapter.end(response);
      return;
    }
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') {
      httpAdapter.setHeader(response, 'Retry-After', String(retryAfter));
    }
    if (body.statusCode === 401) {
      // RFC 6750: a 401 names the scheme the client should authenticate with.
      httpAdapter.setHeader(response, 'WWW-Authenticate', 'Bearer');
    }
    httpAdapter.reply(response, body, body.statusCode);
  }
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}`;
  return `non-Error thrown: ${String(exception)}`;
}
