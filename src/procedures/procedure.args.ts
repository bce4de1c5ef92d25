import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DockerHostEnvironment, type ContainerTemplateInput, type TlsCredentialsInput } from '../client';
import type { AddHostOptions } from './add-host.procedure';
import type { DeployStackOptions } from './deploy-stack.procedure';
import type { RunInstanceOptions } from './run-instance.procedure';
import type { VerifyOptions } from './verify.procedure';

export const USAGE = `usage: npm run procedure -- <add-host|deploy-stack|run-instance|verify> [options]
  every procedure: --url URL (or FLEET_URL; default http://localhost:4000/graphql) --token JWT (or FLEET_TOKEN) --timeout SECONDS (each wait; default 60)
  add-host:     --name NAME --endpoint URL [--environment development|staging|production|custom] [--interval SECONDS]
                [--tls-ca FILE --tls-cert FILE --tls-key FILE]
  deploy-stack: (--cluster-id ID | --cluster-name NAME --manager-endpoint URL [--environment ...] [--tls-* FILE])
                --stack NAME --compose FILE [--var KEY=VALUE ...]
  run-instance: (--template-id ID | --image IMAGE --command 'SHELL COMMAND' [--name NAME] [--vault-policy P ...] [--network NET] [--run-timeout SECONDS])
                [--host-id ID] [--env KEY=VALUE ...]
  verify:       [--host-id ID] [--cluster-id ID] [--instance-id ID] --since ISO-TIME (the operation's start)`;

const OPTIONS = {
  url: { type: 'string' }, token: { type: 'string' }, timeout: { type: 'string' },
  name: { type: 'string' }, endpoint: { type: 'string' }, environment: { type: 'string' }, interval: { type: 'string' },
  'tls-ca': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
  'cluster-id': { type: 'string' }, 'cluster-name': { type: 'string' }, 'manager-endpoint': { type: 'string' },
  stack: { type: 'string' }, compose: { type: 'string' }, var: { type: 'string', multiple: true },
  'template-id': { type: 'string' }, image: { type: 'string' }, command: { type: 'string' }, 'vault-policy': { type: 'string', multiple: true },
  network: { type: 'string' }, 'run-timeout': { type: 'string' }, 'host-id': { type: 'string' }, env: { type: 'string', multiple: true },
  'instance-id': { type: 'string' }, since: { type: 'string' },
} as const;

export class UsageError extends Error {}

export type ProcedureCall =
  | { name: 'add-host'; options: AddHostOptions }
  | { name: 'deploy-stack'; options: DeployStackOptions }
  | { name: 'run-instance'; options: RunInstanceOptions }
  | { name: 'verify'; options: VerifyOptions };

/** The command line (and FLEET_URL / FLEET_TOKEN) as one procedure's typed options; a bad one is a UsageError naming it. */
export function parseProcedure(argv: string[], env: Record<string, string | undefined>): { call: ProcedureCall; url: string; token: string } {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const url = v.url ?? env.FLEET_URL ?? 'http://localhost:4000/graphql';
  const token = v.token ?? env.FLEET_TOKEN;
  if (!token) throw new UsageError('--token (or FLEET_TOKEN) is required');
  const timeoutMs = seconds(v.timeout ?? '60', '--timeout') * 1000;
  const need = (key: keyof typeof v) => {
    const value = v[key];
    if (typeof value !== 'string' || value === '') throw new UsageError(`--${key} is required`);
    return value;
  };
  const environment = environmentOf(v.environment ?? 'development');
  const tlsCredentials = tlsOf(v['tls-ca'], v['tls-cert'], v['tls-key']);
  const name = positionals[0];
  switch (name) {
    case 'add-host':
      return { url, token, call: { name, options: { name: need('name'), apiEndpoint: need('endpoint'), environment, tlsCredentials, syncIntervalSeconds: v.interval ? seconds(v.interval, '--interval') : undefined, timeoutMs } } };
    case 'deploy-stack': {
      const register = v['cluster-id'] ? undefined : { name: need('cluster-name'), managerEndpoint: need('manager-endpoint'), environment, tlsCredentials };
      const variables = (v.var ?? []).map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }));
      if (variables.some((x) => !x.name)) throw new UsageError('--var must look like KEY=VALUE');
      return { url, token, call: { name, options: { clusterId: v['cluster-id'], register, stack: need('stack'), compose: readFileSync(need('compose'), 'utf8'), variables, timeoutMs } } };
    }
    case 'run-instance': {
      let spec: ContainerTemplateInput | undefined;
      if (!v['template-id']) {
        const image = need('image');
        spec = {
          name: v.name ?? `procedure-${Date.now()}`,
          container: { image, command: ['sh', '-c', need('command')], network: v.network },
          vaultPolicies: v['vault-policy'],
          timeoutSeconds: v['run-timeout'] ? seconds(v['run-timeout'], '--run-timeout') : undefined,
        };
      }
      return { url, token, call: { name, options: { templateId: v['template-id'], spec, hostId: v['host-id'], env: v.env, timeoutMs } } };
    }
    case 'verify': {
      const since = new Date(need('since'));
      if (Number.isNaN(since.getTime())) throw new UsageError('--since must be an ISO date-time, e.g. 2026-01-31T12:00:00Z');
      return { url, token, call: { name, options: { hostId: v['host-id'], clusterId: v['cluster-id'], instanceId: v['instance-id'], since } } };
    }
    default:
      throw new UsageError(name ? `unknown procedure ${name}` : 'name a procedure');
  }
}

function seconds(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of seconds`);
  return n;
}

function environmentOf(value: string): DockerHostEnvironment {
  const found = Object.values(DockerHostEnvironment).find((e) => e === value.toUpperCase());
  if (!found) throw new UsageError(`--environment must be one of ${Object.values(DockerHostEnvironment).join(', ').toLowerCase()}`);
  return found;
}

function tlsOf(ca?: string, cert?: string, key?: string): TlsCredentialsInput | undefined {
  if (!ca && !cert && !key) return undefined;
  if (!ca || !cert || !key) throw new UsageError('--tls-ca, --tls-cert and --tls-key go together');
  return { ca: readFileSync(ca, 'utf8'), cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}
