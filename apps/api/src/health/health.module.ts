import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { RedisShutdown, redisProvider } from './redis.provider';

@Module({
  controllers: [HealthController],
  providers: [redisProvider, RedisShutdown],
})
export class HealthModule {}
