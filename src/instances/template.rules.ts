import { ForbiddenError, InputError } from '../common/errors';
import type { ContainerSpec } from '../docker/docker.types';
import { validateContainerSpec } from '../containers/container.validation';
import { CleanupPolicy, VaultDelivery } from './template.entity';
import type { ContainerTemplateInput } from './template.inputs';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const POLICY = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const SECRET_PATH = /^[a-zA-Z0-9_.-]+\/[a-zA-Z0-9_.\/-]{1,255}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A template checked field by field (errors name the field, `container.` prefixed for the container's own). */
export interface TemplateDefinition {
  name: string;
  container: ContainerSpec;
  cpuMillicores: number;
  memoryMb: number;
  storageMb: number;
  timeoutSeconds: number;
  killGraceSeconds: number;
  cleanupPolicy: CleanupPolicy;
  vaultPolicies: string[];
  vaultTtlSeconds: number;
  vaultDelivery: VaultDelivery;
  vaultSecretPaths: string[];
  placementLabels: Record<string, string>;
  pinnedDigest: string | null;
}

export function validateTemplate(input: ContainerTemplateInput): TemplateDefinition {
  if (!NAME.test(input.name)) throw new InputError('name', 'may hold letters, digits, _ . - (up to 128), starting with a letter or digit');
  if (input.container.name != null) throw new InputError('container.name', 'is set per run (each run names its own container)');
  if (input.container.cpuLimit != null) throw new InputError('container.cpuLimit', 'comes from cpuMillicores');
  if (input.container.memoryLimitBytes != null) throw new InputError('container.memoryLimitBytes', 'comes from memoryMb');
  let container: ContainerSpec;
  try {
    container = validateContainerSpec(input.container);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`container.${error.field}`, error.message.slice(error.field.length + 1));
    throw error;
  }
  const cpuMillicores = bounded('cpuMillicores', input.cpuMillicores ?? 500, 1, 1_024_000);
  const memoryMb = bounded('memoryMb', input.memoryMb ?? 256, 6, 4_194_304);
  const storageMb = bounded('storageMb', input.storageMb ?? 0, 0, 1_048_576 * 16);
  const timeoutSeconds = bounded('timeoutSeconds', input.timeoutSeconds ?? 600, 1, 86_400);
  const killGraceSeconds = bounded('killGraceSeconds', input.killGraceSeconds ?? 10, 0, 300);
  const vaultPolicies = [...new Set(input.vaultPolicies ?? [])];
  vaultPolicies.forEach((policy, i) => {
    if (!POLICY.test(policy) || policy === 'root') throw new InputError(`vaultPolicies[${i}]`, 'must be a policy name (not root)');
  });
  const vaultDelivery = input.vaultDelivery ?? (vaultPolicies.length ? VaultDelivery.WRAPPED : VaultDelivery.NONE);
  if (vaultDelivery !== VaultDelivery.NONE && vaultPolicies.length === 0) throw new InputError('vaultPolicies', `must name at least one policy for ${vaultDelivery} delivery`);
  // The token must outlive the run it serves, or the run loses Vault before its own time limit.
  const minimumTtl = timeoutSeconds + killGraceSeconds;
  const vaultTtlSeconds = bounded('vaultTtlSeconds', input.vaultTtlSeconds ?? minimumTtl + 60, minimumTtl, 7 * 86_400);
  const vaultSecretPaths = [...new Set(input.vaultSecretPaths ?? [])];
  vaultSecretPaths.forEach((path, i) => {
    if (!SECRET_PATH.test(path) || path.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new InputError(`vaultSecretPaths[${i}]`, 'must be <mount>/<path> of letters, digits, _ . - and /');
  });
  if (vaultSecretPaths.length && !vaultPolicies.length) throw new InputError('vaultSecretPaths', 'needs vaultPolicies that can read them (they are read as the run would read them)');
  const placementLabels = input.placementLabels ?? {};
  for (const [key, value] of Object.entries(placementLabels)) if (typeof value !== 'string' || !key) throw new InputError(`placementLabels.${key}`, 'must be a string');
  if (input.pinnedDigest != null && !DIGEST.test(input.pinnedDigest)) throw new InputError('pinnedDigest', 'must be sha256: and 64 hex digits');
  return { name: input.name, container, cpuMillicores, memoryMb, storageMb, timeoutSeconds, killGraceSeconds, cleanupPolicy: input.cleanupPolicy ?? CleanupPolicy.ALWAYS, vaultPolicies, vaultTtlSeconds, vaultDelivery, vaultSecretPaths, placementLabels, pinnedDigest: input.pinnedDigest ?? null };
}

/**
 * Whether an account's runs may be given a Vault policy: the operator's VAULT_POLICY_PATTERN, where `{accountId}`
 * is the run's account and `*` any run of name characters. One product token grants every account's run tokens, so
 * without this an account could name another account's policies.
 */
export function vaultPolicyAllowed(pattern: string, accountId: string, policy: string): boolean {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const source = pattern.split('*').map((part) => escape(part).replace(escape('{accountId}'), escape(accountId))).join('[A-Za-z0-9_.-]*');
  return new RegExp(`^${source}$`).test(policy);
}

/** FORBIDDEN naming the first policy outside the pattern. */
export function enforceVaultPolicies(pattern: string, accountId: string, policies: readonly string[], field = 'vaultPolicies'): void {
  policies.forEach((policy, i) => {
    if (!vaultPolicyAllowed(pattern, accountId, policy)) throw new ForbiddenError(`${field}[${i}]: policy "${policy}" is not one this account's runs may have (VAULT_POLICY_PATTERN ${pattern})`, `${field}[${i}]`);
  });
}

function bounded(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new InputError(field, `must be a whole number from ${min} to ${max}`);
  return value;
}
