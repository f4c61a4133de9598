import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { TimerQueue } from '@tricolor/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthService } from '../auth/auth.service';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The timer queue in bull-board, for admins only: `Authorization: Bearer <admin JWT>`, or in a
 * browser HTTP Basic with any user name and the admin's JWT as the password (the browser asks
 * for it). Read-only: jobs are only wake-ups (the timer rows are the record), and promoting or
 * removing one by hand would only make the reconciler repair it.
 */
export function mountQueueBoard(app: INestApplication): void {
  const auth = app.get(AuthService);
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(app.get(TimerQueue).queue, { readOnlyMode: true })],
    serverAdapter: board,
  });

  const adminOnly = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const token = tokenOf(req.headers.authorization);
    const refuse = (status: number, message: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="Tricolor queues"');
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          statusCode: status,
          error: status === 401 ? 'Unauthorized' : 'Forbidden',
          message,
        }),
      );
    };
    if (!token) return refuse(401, 'the queue view needs an admin token');
    auth.verifyToken(token).then(
      (user) => (user.role === 'admin' ? next() : refuse(403, 'the queue view is for admins')),
      () => refuse(401, 'invalid or expired token'),
    );
  };
  app.use(QUEUE_BOARD_PATH, adminOnly, board.getRouter());
}

/** The JWT from `Bearer <jwt>` or from the password of `Basic base64(user:<jwt>)`. */
export function tokenOf(header: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return decoded.includes(':') && password ? password : undefined;
}
