import { z } from 'zod';
import { parseOutboundAllow, type OutboundAllowEntry } from '../security/outbound-allow';

/**
 * The one place that reads process.env. Every variable is parsed and validated once; a bad environment refuses to
 * start with every bad variable named (not just the first), then the frozen object is passed down explicitly.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(0, 65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: int(1, 100).default(10),
    EMBEDDED_DATA_DIR: z.string().default('.data'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
    JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_CLOCK_SKEW_SECONDS: int(0, 300).default(30),
    /** Tokens living longer than this (exp − iat) are refused, however validly signed. */
    JWT_MAX_LIFETIME_SECONDS: int(60, 31_536_000).default(86_400),
    ENCRYPTION_KEYS: z.string().optional(),
    ENCRYPTION_ACTIVE_KEY_ID: z.string().optional(),
    DOCKER_TIMEOUT_MS: int(100, 120_000).default(5000),
    /** A pull, push or build that has not ended after this long is cut. */
    IMAGE_OPERATION_TIMEOUT_SECONDS: int(10, 86_400).default(1800),
    /** A stack deploy or removal still running after this long is cut (its operation FAILED, OPERATION_TIMEOUT). */
    STACK_OPERATION_TIMEOUT_SECONDS: int(10, 86_400).default(600),
    /** A rollout not converged by then is rolled back (a deployment's own progressDeadlineSeconds wins). */
    DEPLOYMENT_PROGRESS_DEADLINE_SECONDS: int(5, 86_400).default(600),
    /** How long an instance holds a deployment it drives without renewing; past it, another instance resumes it. */
    DEPLOYMENT_LEASE_SECONDS: int(2, 600).default(15),
    /** unix:// endpoints reach the API server's own machine: root on it for any account. Off in production by default. */
    ALLOW_UNIX_SOCKET_ENDPOINTS: bool.optional(),
    /** The sync engine on this instance: leases, event streams, periodic full syncs. */
    SYNC_WORKER_ENABLED: bool.default('true'),
    SYNC_TICK_SECONDS: int(1, 60).default(5),
    /** A host whose syncing instance died is taken over within this long (by the next claimer's tick). */
    SYNC_LEASE_SECONDS: int(3, 600).default(20),
    SYNC_CAPACITY: int(1, 100_000).default(2000),
    /** A quiet event stream is probed with /_ping after this long; a failed probe drops it (half-open). */
    EVENT_PROBE_SECONDS: int(1, 3600).default(15),
    /** A swarm manager's node list slower than this (ms) while the manager answers reads as quorum lost (kept below DOCKER_TIMEOUT_MS). */
    SWARM_QUORUM_PROBE_MS: int(500, 60_000).default(3000),
    EVENT_QUEUE_LIMIT: int(10, 1_000_000).default(5000),
    EVENT_RETENTION_DAYS: int(1, 3650).default(7),
    /** Set for several API instances: PubSub then goes through Redis so every subscriber sees every change. */
    REDIS_URL: z.string().url().optional(),
    /** Names this instance in sync leases (DockerHost.syncOwner); defaults to hostname:pid. */
    INSTANCE_ID: z.string().max(128).optional(),
    GRAPHQL_MAX_DEPTH: int(2, 50).default(10),
    GRAPHQL_MAX_ALIASES: int(0, 100).default(15),
    /**
     * graphql-armor's cost, with page sizes priced also when given as variables: one full page (500) of containers
     * costs ~58,000, 500 hosts with 10 containers each ~591,000, 500 hosts x 500 containers ~27 million. The default
     * reads any list a full page at a time and a fleet of 500 hosts with a few containers each, and refuses lists of
     * lists at full size (250,000 rows).
     */
    GRAPHQL_MAX_COST: int(100, 100_000_000).default(1_000_000),
    /** Lexer tokens one operation may have: parsing stops there (graphql-js maxTokens). */
    GRAPHQL_MAX_TOKENS: int(100, 100_000).default(3000),
    /** Fields one operation may select, fragments expanded where spread; checked before validation. */
    GRAPHQL_MAX_FIELDS: int(10, 100_000).default(1000),
    /** Fields repeating a sibling's response name (validation compares those pairwise: quadratic). */
    GRAPHQL_MAX_DUPLICATE_FIELDS: int(0, 10_000).default(50),
    /** A client must have sent its whole HTTP request within this long. */
    REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    /**
     * Destinations on loopback, link-local or private networks that pulls, pushes and builds may still make a daemon
     * reach (the fleet's own registries): host, host:port or CIDR, comma-separated. Public destinations need no entry.
     */
    OUTBOUND_ALLOW: z.string().optional(),
    /** Live Docker streams (containerLogStream, containerStats) one WebSocket connection may follow at once. */
    LIVE_STREAMS_PER_SOCKET: int(1, 1000).default(10),
    /** ... and one account, on one instance. */
    LIVE_STREAMS_PER_ACCOUNT: int(1, 100_000).default(50),
    /** Vault for per-run tokens; unset, a run that needs a token fails VAULT_UNAVAILABLE (nothing starts without one). */
    VAULT_ADDR: z.string().url().optional(),
    /** The product's own Vault token: may create orphan tokens and look up and revoke them by accessor. */
    VAULT_TOKEN: z.string().optional(),
    VAULT_TIMEOUT_MS: int(100, 120_000).default(5000),
    /**
     * The Vault policies an account's runs may be given: `{accountId}` is the account, `*` any name characters. The
     * product's one token grants every account's run tokens, so this is what keeps accounts to their own policies.
     */
    VAULT_POLICY_PATTERN: z.string().regex(/^[A-Za-z0-9_.*{}-]+$/, 'may hold letters, digits, _ . - * and {accountId}').default('fleet-{accountId}-*'),
    /** VAULT_ADDR as a run's container reaches it (given to it as VAULT_ADDR); default VAULT_ADDR. */
    INSTANCE_VAULT_ADDR: z.string().url().optional(),
    /** A run's driver renews its lease this often / 3; a dead driver's runs are taken over after this. */
    INSTANCE_LEASE_SECONDS: int(3, 3600).default(15),
    /** stdout and stderr kept per run, each. */
    INSTANCE_OUTPUT_MAX_BYTES: int(1024, 16 * 1024 * 1024).default(64 * 1024),
    /** How often a running run's usage is written (a dashboard sees it live). */
    INSTANCE_USAGE_FLUSH_MS: int(200, 600_000).default(5000),
    /**
     * Callback hosts of linked tasks on loopback, link-local or private networks that deliveries may still reach
     * (same syntax as OUTBOUND_ALLOW); public destinations need no entry. Judged when a run is accepted and before each send.
     */
    TASK_CALLBACK_ALLOW: z.string().optional(),
    /** One delivery attempt not answered by then is a failed attempt (retried with backoff). */
    TASK_CALLBACK_TIMEOUT_MS: int(100, 120_000).default(5000),
    /** Attempts before a delivery is FAILED (given up). */
    TASK_CALLBACK_MAX_ATTEMPTS: int(1, 100).default(12),
    /** The first retry's wait; each next one doubles it (jittered, capped at 5 minutes). */
    TASK_CALLBACK_BACKOFF_MS: int(1, 300_000).default(1000),
    /** How often each instance looks for due deliveries. */
    TASK_CALLBACK_TICK_MS: int(10, 60_000).default(1000),
    /**
     * GET /metrics (Prometheus) needs `Authorization: Bearer <METRICS_TOKEN>` when set. Unset: open in development and
     * test, refused (404) in production. Its labels never name an account, a host or an operation.
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 100kb or 1mb').default('100kb'),
  })
  .superRefine((env, ctx) => {
    if (env.JWT_SECRET && env.JWT_PUBLIC_KEY) {
      ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: 'set JWT_SECRET or JWT_PUBLIC_KEY, not both' });
    }
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET && !env.JWT_PUBLIC_KEY) {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET or JWT_PUBLIC_KEY is required in production' });
      }
      if (!env.ENCRYPTION_KEYS) {
        ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEYS'], message: 'is required in production' });
      }
      if (!env.DATABASE_URL) {
        ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production (the embedded database is for development)' });
      }
    }
    if (env.SYNC_TICK_SECONDS * 2 >= env.SYNC_LEASE_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['SYNC_LEASE_SECONDS'], message: 'must be more than twice SYNC_TICK_SECONDS, or leases lapse between renewals' });
    }
    try {
      parseOutboundAllow(env.OUTBOUND_ALLOW ?? '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['OUTBOUND_ALLOW'], message: (error as Error).message });
    }
    try {
      parseOutboundAllow(env.TASK_CALLBACK_ALLOW ?? '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['TASK_CALLBACK_ALLOW'], message: (error as Error).message });
    }
    if (env.VAULT_ADDR && !env.VAULT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['VAULT_TOKEN'], message: 'is required when VAULT_ADDR is set' });
    }
    if (env.ENCRYPTION_KEYS && !env.ENCRYPTION_ACTIVE_KEY_ID) {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_ACTIVE_KEY_ID'], message: 'is required when ENCRYPTION_KEYS is set' });
    }
  });

export type Env = z.infer<typeof schema>;

/** Every variable this file reads (for checking deployment files such as docker-compose.yml against it). */
export const CONFIG_KEYS: readonly string[] = Object.freeze(Object.keys(schema.innerType().shape));

export interface Config extends Env {
  readonly production: boolean;
  readonly allowUnixSocketEndpoints: boolean;
  readonly outboundAllow: readonly OutboundAllowEntry[];
  readonly taskCallbackAllow: readonly OutboundAllowEntry[];
  /** BODY_LIMIT in bytes, for the WebSocket frame cap. */
  readonly bodyLimitBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  // Treat empty strings as unset, the way shells and compose files tend to pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const production = parsed.data.NODE_ENV === 'production';
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/.exec(parsed.data.BODY_LIMIT)!;
  const bodyLimitBytes = Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit as 'b' | 'kb' | 'mb'];
  return Object.freeze({
    ...parsed.data,
    production,
    allowUnixSocketEndpoints: parsed.data.ALLOW_UNIX_SOCKET_ENDPOINTS ?? !production,
    outboundAllow: parseOutboundAllow(parsed.data.OUTBOUND_ALLOW ?? ''),
    taskCallbackAllow: parseOutboundAllow(parsed.data.TASK_CALLBACK_ALLOW ?? ''),
    bodyLimitBytes,
  });
}
