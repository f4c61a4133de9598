import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { RedisShutdown, redisProvider } from './redis.provider';

@Module({
  controllers: [HealthController, MetricsController],
  providers: [redisProvider, RedisShutdown],
})
export class HealthModule {}
