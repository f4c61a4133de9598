import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * TypeORM's insert/update types recurse into JSON columns and reject our JSON object type;
 * the entity is already the exact row, so this only tells the compiler so.
 */
export const asRow = <T>(row: T): QueryDeepPartialEntity<T> => row as QueryDeepPartialEntity<T>;
