/**
 * SQL that builds large, realistic case tables in PostgreSQL in one pass each, with
 * generate_series: every attribute is a deterministic hash of the row number, so the events can
 * be derived from the same numbers. Statuses, tiers and outcomes follow a plausible district
 * (70 % closed, three quarters of those resolved; 75 % blue, 18 % yellow, 7 % red; a fifth
 * escalated once), spread over 10 streets × 10 communities × 10 grids and three years.
 */

/** A stable pseudo-random integer in [0, mod) from the row number and a salt. */
const h = (salt: number, mod: number) => `(abs(hashint8extended(i, ${salt})) % ${mod})`;

export const UNITS_SQL = `
INSERT INTO units (id, code, name, kind, parent_code, street_code, community_code, created_at)
SELECT md5('unit-' || code)::uuid::text, code, 'Unit ' || code, kind, parent, street, community, now() - interval '4 years'
FROM (
  SELECT 'S' || lpad(s::text, 2, '0') AS code, 'street' AS kind, NULL AS parent,
         'S' || lpad(s::text, 2, '0') AS street, NULL AS community, 1 AS depth
  FROM generate_series(1, 10) s
  UNION ALL
  SELECT 'S' || lpad(s::text, 2, '0') || '-C' || lpad(c::text, 2, '0'), 'community',
         'S' || lpad(s::text, 2, '0'), 'S' || lpad(s::text, 2, '0'),
         'S' || lpad(s::text, 2, '0') || '-C' || lpad(c::text, 2, '0'), 2
  FROM generate_series(1, 10) s, generate_series(1, 10) c
  UNION ALL
  SELECT 'S' || lpad(s::text, 2, '0') || '-C' || lpad(c::text, 2, '0') || '-G' || lpad(g::text, 2, '0'), 'grid',
         'S' || lpad(s::text, 2, '0') || '-C' || lpad(c::text, 2, '0'), 'S' || lpad(s::text, 2, '0'),
         'S' || lpad(s::text, 2, '0') || '-C' || lpad(c::text, 2, '0'), 3
  FROM generate_series(1, 10) s, generate_series(1, 10) c, generate_series(1, 10) g
) u
ORDER BY depth, code`;

/** One row per case to be: the attributes every later statement reads. */
export const SEED_TABLE_SQL = (from: number, to: number) => `
INSERT INTO bench_seed
SELECT i, id, grid, street, community, tier0, tier, status, outcome, created, closed, overdue, kind
FROM (
  SELECT i, md5('case-' || i)::uuid::text AS id,
    'S' || lpad((gi / 100 + 1)::text, 2, '0') AS street,
    'S' || lpad((gi / 100 + 1)::text, 2, '0') || '-C' || lpad((gi / 10 % 10 + 1)::text, 2, '0') AS community,
    'S' || lpad((gi / 100 + 1)::text, 2, '0') || '-C' || lpad((gi / 10 % 10 + 1)::text, 2, '0')
      || '-G' || lpad((gi % 10 + 1)::text, 2, '0') AS grid,
    st, esc, kind,
    CASE
      WHEN st < 700 THEN 'closed'
      WHEN st < 820 THEN 'blue.mediating'
      WHEN st < 860 THEN 'yellow.awaitingAcceptance'
      WHEN st < 900 THEN 'yellow.jointReview'
      WHEN st < 920 THEN 'red.convening'
      WHEN st < 940 THEN 'red.panelMediation'
      WHEN st < 970 THEN 'agreed'
      WHEN st < 985 THEN 'followUp'
      ELSE 'suspended' END AS status,
    CASE
      WHEN st >= 700 AND st < 820 THEN 'blue'
      WHEN st >= 820 AND st < 900 THEN 'yellow'
      WHEN st >= 900 AND st < 940 THEN 'red'
      WHEN tb < 75 THEN 'blue' WHEN tb < 93 THEN 'yellow' ELSE 'red' END AS tier,
    CASE WHEN st < 700 THEN
      CASE WHEN ob < 75 THEN 'resolved' WHEN ob < 85 THEN 'withdrawn' WHEN ob < 90 THEN 'refused'
           WHEN ob < 94 THEN 'referred_to_litigation' WHEN ob < 98 THEN 'transferred'
           ELSE 'agreement_not_performed' END END AS outcome,
    CASE WHEN st < 700 THEN now() - make_interval(secs => ${h(5, 94_608_000)})
         ELSE now() - make_interval(secs => ${h(5, 5_184_000)}) END AS created,
    st >= 700 AND ${h(8, 100)} < 5 AS overdue
  FROM (
    SELECT i, ${h(1, 1000)} AS gi, ${h(2, 1000)} AS st, ${h(3, 100)} AS tb, ${h(4, 100)} < 20 AS esc,
           ${h(7, 100)} AS ob, ${h(9, 8)} AS kind
    FROM generate_series(${from}, ${to}) i
  ) r
) x,
LATERAL (SELECT
  CASE WHEN x.esc AND x.tier = 'red' THEN 'yellow' WHEN x.esc AND x.tier = 'yellow' THEN 'blue'
       ELSE x.tier END AS tier0,
  CASE WHEN x.status = 'closed' THEN x.created + make_interval(days => (1 + ${h(6, 29)})::int) END AS closed
) y`;

export const TITLES = [
  [
    'neighbour',
    'Water leaking into the flat below',
    'The bathroom upstairs leaks; the ceiling below is stained.',
  ],
  [
    'parking',
    'Parking space taken every night',
    'A car from the next building blocks the parking space.',
  ],
  ['noise', 'Noise from renovation after 22:00', 'Drilling late at night keeps the family awake.'],
  ['debt', 'Unpaid loan between neighbours', 'A loan of 20,000 yuan has not been repaid.'],
  [
    'family',
    'Dispute over care of an elderly parent',
    'Siblings disagree over who looks after their mother.',
  ],
  [
    'wage',
    'Wages unpaid by a small contractor',
    'Three workers have not been paid for two months.',
  ],
  [
    'property',
    'Boundary wall between two courtyards',
    'A new wall stands on the neighbour’s side of the line.',
  ],
  ['other', 'Pet dog barking and biting', 'A dog in the corridor bit a child last week.'],
] as const;

const pick = (column: 0 | 1 | 2) =>
  `(ARRAY[${TITLES.map((t) => `'${t[column].replace(/'/g, "''")}'`).join(', ')}])[s.kind + 1]`;

// The tier clock the events below yield (libs/core/src/stats/tier-clock.ts): opened at tier0;
// an escalated case left it after 12 hours and has been at its tier since; each reached tier has
// a total (of the stays before the current one), the others none.
const TIER_MS = (tier: string) =>
  `CASE WHEN s.tier0 = '${tier}' AND s.tier <> '${tier}' THEN 43200000 WHEN s.tier = '${tier}' THEN 0 END`;

/** Cases from bench_seed; snapshots, parties and risk assessments are real ones (templates). */
export const DISPUTES_SQL = (from: number, to: number) => `
INSERT INTO disputes (id, reference, title, description, category, grid_code, community_code,
  street_code, tier, highest_tier, status, outcome, overdue, parties, amount, risk_assessment,
  snapshot, machine_id, machine_version, version, linked_case_id, opened_by, next_deadline_at,
  created_at, updated_at, closed_at, opened_tier, tier_since, blue_ms, yellow_ms, red_ms)
SELECT s.id,
  'TC-' || to_char(s.created, 'YYYYMMDD') || '-' || upper(lpad(to_hex(s.i), 8, '0')),
  ${pick(1)} || ' #' || s.i, ${pick(2)}, ${pick(0)},
  s.grid, s.community, s.street, s.tier, s.tier, s.status, s.outcome, s.overdue,
  t.parties, CASE WHEN s.i % 10 < 3 THEN (s.i % 100000) / 10.0 END, t.risk_assessment,
  t.snapshot, t.machine_id, t.machine_version,
  1 + (s.tier0 <> s.tier)::int + (s.status = 'closed')::int, NULL, $1,
  CASE WHEN s.status <> 'closed' THEN s.created + make_interval(days => (3 + s.i % 10)::int) END,
  s.created, COALESCE(s.closed, s.created), s.closed, s.tier0,
  CASE WHEN s.tier0 <> s.tier THEN s.created + interval '12 hours' ELSE s.created END,
  ${TIER_MS('blue')}, ${TIER_MS('yellow')}, ${TIER_MS('red')}
FROM bench_seed s
JOIN bench_templates t ON t.status_group = CASE
  WHEN s.status = 'closed' THEN 'closed'
  WHEN s.status IN ('agreed', 'followUp', 'suspended') THEN 'agreed'
  ELSE s.tier END
WHERE s.i BETWEEN ${from} AND ${to}`;

// Stand-ins of the right shape: 64 hex characters (the audit chain is not what is measured here).
const HASH = (seq: string) => `lpad(to_hex(s.i), 16, '0') || lpad(to_hex(${seq}), 48, '0')`;

/** The audit trail: OPEN, an ESCALATE when the case went up, and the closing record. */
export const EVENTS_SQL = (from: number, to: number) => `
INSERT INTO dispute_events (id, dispute_id, seq, type, actor_id, actor_role, payload, from_status,
  to_status, from_tier, to_tier, at, machine_version, idempotency_key, prev_hash, hash, response)
SELECT lpad(to_hex(s.i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(e.seq), 12, '0'), s.id, e.seq,
  e.type, $1, 'grid_worker', e.payload, e.from_status, e.to_status, e.from_tier, e.to_tier, e.at, 1,
  NULL, CASE WHEN e.seq = 1 THEN repeat('0', 64) ELSE ${HASH('e.seq - 1')} END, ${HASH('e.seq')}, NULL
FROM bench_seed s
CROSS JOIN LATERAL (
  SELECT 1 AS seq, 'OPEN' AS type, $2::text AS payload, NULL AS from_status,
         CASE s.tier0 WHEN 'blue' THEN 'blue.mediating' WHEN 'yellow' THEN 'yellow.awaitingAcceptance'
              ELSE 'red.convening' END AS to_status, NULL AS from_tier, s.tier0 AS to_tier, s.created AS at
  UNION ALL
  -- 12 hours: keep in step with TIER_MS and tier_since above.
  SELECT 2, 'ESCALATE', '{"type":"ESCALATE","reason":"needs legal judgement"}', NULL,
         CASE s.tier WHEN 'yellow' THEN 'yellow.awaitingAcceptance' ELSE 'red.convening' END,
         s.tier0, s.tier, s.created + interval '12 hours'
  WHERE s.tier0 <> s.tier
  UNION ALL
  SELECT 2 + (s.tier0 <> s.tier)::int,
         CASE s.outcome WHEN 'resolved' THEN 'RECORD_FOLLOW_UP' WHEN 'withdrawn' THEN 'WITHDRAW'
              WHEN 'refused' THEN 'RECORD_REFUSAL' WHEN 'referred_to_litigation' THEN 'REFER_TO_LITIGATION'
              WHEN 'transferred' THEN 'TRANSFER' ELSE 'RECORD_FOLLOW_UP' END,
         '{"type":"WITHDRAW","reason":"settled"}', NULL, 'closed', s.tier, s.tier, s.closed
  WHERE s.status = 'closed'
) e
WHERE s.i BETWEEN ${from} AND ${to}`;
