import type { AppConfig } from '@tricolor/config';
import type { ConnectionOptions } from 'bullmq';

/**
 * Producers fail fast while Redis is away (the row is the record and the reconciler re-queues);
 * workers block and retry forever, as BullMQ requires (`maxRetriesPerRequest: null`).
 */
export const producerConnection = (config: AppConfig): ConnectionOptions => ({
  url: config.redisUrl,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
});

export const workerConnection = (config: AppConfig): ConnectionOptions => ({
  url: config.redisUrl,
  maxRetriesPerRequest: null,
});
