import type { Client as PgClient } from 'pg';

/**
 * Stored events written straight into docker_events for every host of the database: `perHost` container events 3 s
 * apart going back from `anchor`, one in 200 an ERROR (an oom), the rest INFO starts. Then ANALYZE, as a live table
 * would be, so the planner sees the real proportions.
 */
export async function seedEvents(pg: PgClient, options: { perHost: number; anchor: Date }): Promise<void> {
  await pg.query(
    `insert into docker_events (id, account_id, host_id, type, action, actor_id, attributes, severity, time, time_nano)
     select gen_random_uuid(), h.account_id, h.id, 'container', case when i % 200 = 0 then 'oom' else 'start' end, md5(i::text), '{}'::jsonb,
            (case when i % 200 = 0 then 'ERROR' else 'INFO' end)::event_severity, $2::timestamptz - (i || ' seconds')::interval * 3, i
     from generate_series(1, $1) as i, (select id, account_id from docker_hosts) as h`,
    [options.perHost, options.anchor],
  );
  await pg.query('analyze docker_events');
}

/**
 * Audit rows written straight into activities for each account: `perAccount` mutations 3 s apart going back from
 * `anchor`, one in 100 a FAILURE, each acting on one of 500 targets (`target-<n>`). Then ANALYZE.
 */
export async function seedActivities(pg: PgClient, options: { accountIds: readonly string[]; perAccount: number; anchor: Date }): Promise<void> {
  await pg.query(
    `insert into activities (id, account_id, actor, action, target_type, target_id, outcome, error_code, parameters, duration_ms, created_at)
     select gen_random_uuid(), a.account_id, 'seed', 'restartContainer', 'Container', 'target-' || (i % 500),
            (case when i % 100 = 0 then 'failure' else 'success' end)::activity_outcome, case when i % 100 = 0 then 'HOST_TIMEOUT' end,
            '{}'::jsonb, 5, $3::timestamptz - (i || ' seconds')::interval * 3
     from generate_series(1, $2) as i, unnest($1::text[]) as a(account_id)`,
    [options.accountIds, options.perAccount, options.anchor],
  );
  await pg.query('analyze activities');
}
