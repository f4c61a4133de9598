import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import {
  ConflictError,
  EventRefusedError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from '@tricolor/core';
import { fieldError } from './field-errors';
import { GENERIC_500_MESSAGE, toErrorBody } from './to-error-body';

describe('toErrorBody', () => {
  it.each([
    [NotFoundError.of('dispute', 'd1'), 404, 'Not Found', 'dispute d1 not found'],
    [new ForbiddenError('not your grid'), 403, 'Forbidden', 'not your grid'],
    [
      ConflictError.staleVersion(3, 4),
      409,
      'Conflict',
      'stale version: expected 3, the case is at 4',
    ],
    [
      new InvalidInputError('tierReason', 'is required to pick a lower tier'),
      400,
      'Bad Request',
      'tierReason is required to pick a lower tier',
    ],
    [
      new UnavailableError('database unreachable'),
      503,
      'Service Unavailable',
      'database unreachable',
    ],
  ])('maps %p to its status', (error, statusCode, text, message) => {
    expect(toErrorBody(error)).toEqual({
      body: {
        statusCode,
        error: text,
        message,
        ...(error instanceof InvalidInputError
          ? { errors: [{ field: error.field, message, code: 'INVALID_INPUT' }] }
          : {}),
      },
      unexpected: false,
    });
  });

  it('adds reason and allowedEvents to a refused event', () => {
    const error = new EventRefusedError('CONVENE_PANEL', 'the court is missing', [
      'ESCALATE',
      'WITHDRAW',
    ]);
    expect(toErrorBody(error).body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'CONVENE_PANEL refused: the court is missing',
      event: 'CONVENE_PANEL',
      reason: 'the court is missing',
      allowedEvents: ['ESCALATE', 'WITHDRAW'],
    });
  });

  it('keeps the message of an HttpException as one string, joining a list', () => {
    expect(toErrorBody(new NotFoundException('no such unit')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'no such unit',
    });
    expect(
      toErrorBody(new BadRequestException(['a must be a string', 'b must be a number'])).body,
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a must be a string; b must be a number',
    });
    expect(toErrorBody(fieldError('after', 'after must be a cursor')).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'after must be a cursor',
      errors: [{ field: 'after', message: 'after must be a cursor', code: 'INVALID_INPUT' }],
    });
    expect(toErrorBody(new HttpException('slow down', 429)).body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'slow down',
    });
  });

  it('names a malformed JSON body', () => {
    const cause = Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      type: 'entity.parse.failed',
    });
    const exception = new BadRequestException('Unexpected end of JSON input', { cause });
    expect(toErrorBody(exception).body.message).toBe(
      'malformed JSON body: Unexpected end of JSON input',
    );
  });

  it('hides anything unexpected behind a generic 500', () => {
    const answer = toErrorBody(new Error('password=hunter2 in connection string'));
    expect(answer).toEqual({
      body: { statusCode: 500, error: 'Internal Server Error', message: GENERIC_500_MESSAGE },
      unexpected: true,
    });
    expect(toErrorBody('a thrown string').unexpected).toBe(true);
  });
});
