import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';
import pino, { type Logger } from 'pino';
import { currentLogContext } from './request-context';

/**
 * The process's one pino logger: JSON lines (or pino-pretty in development) whose every line
 * carries the current request id, user id and case id. Messages are ours: they hold ids, event
 * types and states, never a party's name, phone or ID number.
 */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...currentLogContext() }),
    // A last line of defence should a header or body ever be passed in.
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.parties'],
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === 'pretty' && prettyAvailable()) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true } },
    });
  }
  return pino(options);
}

// pino-pretty is a development dependency: the production image logs JSON without it.
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** Nest's logger interface over pino, so `new Logger('X').log(...)` lines come out as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context) for errors.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) {
      this.pino.error({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino.error({ ...fields, ...message });
    } else {
      this.pino.error(fields, String(message));
    }
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.pino[level]({ context, ...message });
    } else {
      this.pino[level]({ context }, String(message));
    }
  }
}
