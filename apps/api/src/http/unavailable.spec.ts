import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { toErrorBody } from './to-error-body';
import { DATABASE_UNAVAILABLE, REDIS_UNAVAILABLE, unavailableMessage } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('unavailableMessage', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5440', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'an administrator shutdown (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    [
      'a broken client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'TypeORM wrapping the driver error',
      new QueryFailedError(
        'SELECT 1',
        [],
        withCode('terminating connection due to administrator command', '57P01'),
      ),
    ],
    [
      'an AggregateError of every address tried',
      Object.assign(
        new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]),
        {
          message: '',
        },
      ),
    ],
    [
      'a transaction whose connection broke (TypeORM released its query runner)',
      new QueryRunnerAlreadyReleasedError(),
    ],
    ['an error given as the cause', new Error('query failed', { cause: withCode('x', '57P01') })],
  ])('recognises %s as the database being unavailable', (_what, error) => {
    expect(unavailableMessage(error)).toBe(DATABASE_UNAVAILABLE);
  });

  it('recognises ioredis failing fast as Redis being unavailable', () => {
    expect(
      unavailableMessage(
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      ),
    ).toBe(REDIS_UNAVAILABLE);
    expect(unavailableMessage(new Error('Connection is closed.'))).toBe(REDIS_UNAVAILABLE);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('leaves %s alone', (_what, error) => {
    expect(unavailableMessage(error)).toBeNull();
  });

  it('stops on an error that is its own cause', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(unavailableMessage(loop)).toBeNull();
  });
});

describe('toErrorBody for an unreachable database', () => {
  it('answers 503 without the connection details', () => {
    const answer = toErrorBody(
      withCode('connect ECONNREFUSED postgres://admin:hunter2@127.0.0.1:5440', 'ECONNREFUSED'),
    );
    expect(answer).toEqual({
      body: { statusCode: 503, error: 'Service Unavailable', message: DATABASE_UNAVAILABLE },
      unexpected: false,
    });
    expect(JSON.stringify(answer.body)).not.toContain('hunter2');
  });
});
