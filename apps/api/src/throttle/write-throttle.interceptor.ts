import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthRequest } from '../auth';
import { RateLimiter } from './rate-limiter';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes per user (THROTTLE_WRITE_*): after the guards, so the caller is known. An interceptor
 * rather than @nestjs/throttler's guard because the guard would run before the AuthGuard has
 * named the user; the counting is the throttler's storage all the same.
 */
@Injectable()
export class WriteThrottleInterceptor implements NestInterceptor {
  constructor(private readonly limiter: RateLimiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AuthRequest & { method: string }>();
    if (req.user && WRITES.has(req.method)) {
      await this.limiter.hit('write', req.user.id, 'changes');
    }
    return next.handle();
  }
}
