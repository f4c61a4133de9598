-- The database's floor for recording a transition (bench/src/stages/floor.ts runs it with
-- pgbench -M prepared -c 16): one case row updated under its version, one small event row
-- appended, two prepared statements in one transaction. Each client owns the cases with
-- id - 1 = client_id (mod 16), so there are no lock waits between clients, as in the other runs.
\set k random(0, :cases_per_client - 1)
\set id 1 + :client_id + :clients * :k
BEGIN;
UPDATE floor_cases SET version = version + 1, updated_at = now() WHERE id = :id RETURNING version \gset
INSERT INTO floor_events (case_id, seq, type, at) VALUES (:id, :version, 'EXTEND_DEADLINE', now());
END;
