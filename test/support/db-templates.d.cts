/** Types of db-templates.cjs (plain CommonJS: see there). */
import type { Client } from 'pg';

export declare const RUN_ENV: string;
export declare function adminUrl(): string;
export declare function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T>;
export declare function migrationsHash(): string;
export declare function templateNames(): {
  run: string;
  postgres: string;
  sqliteDir: string;
} | null;
export declare function ownerComment(): string;
export declare function beginRun(): Promise<boolean>;
export declare function endRun(): Promise<void>;
export declare function reapDeadRuns(): Promise<void>;
