import { ErrorCode } from '../common/errors';
import type { Diagnosis } from '../health/diagnosis.view';
import { InstanceStatus, ViolationKind, type ContainerInstance } from './instance.entity';

/** Past this long in PROVISIONING a run counts as "never running" (issuing a token and creating a container take seconds). */
export const STUCK_PROVISIONING_MS = 60_000;

export interface VaultProbe {
  /** What Vault answers now: `answers (version …)` or why it does not. */
  (): Promise<string>;
}

/**
 * The seed's troubleshooting row "container provisioning → never running" (and the other ways a run ends badly), for
 * one run: the stored facts of the run, plus Vault probed now when Vault is the suspect. Null for a run that is fine.
 */
export async function diagnoseInstance(instance: ContainerInstance, probeVault: VaultProbe, now = Date.now()): Promise<Diagnosis | null> {
  const last = instance.transitions.at(-1);
  const since = last ? `${instance.status} since ${new Date(last.at).toISOString()}` : instance.status;
  const evidence = [since, ...(instance.reason ? [`reason: ${instance.reason}`] : []), ...(instance.errorCode ? [`error code: ${instance.errorCode}`] : [])];
  const neverRunning = 'container provisioning → never running';
  if (instance.errorCode === ErrorCode.VAULT_UNAVAILABLE || instance.errorCode === ErrorCode.VAULT_DENIED) {
    evidence.push(`no container was ${instance.containerId ? 'started' : 'created'}; the quota was released`, `Vault now: ${await probeVault()}`);
    const denied = instance.errorCode === ErrorCode.VAULT_DENIED;
    return {
      symptom: neverRunning,
      cause: denied ? `Vault token issuance failure: Vault refused the token (policies ${instance.definition.vaultPolicies.join(', ')})` : 'Vault token issuance failure: Vault did not answer',
      evidence,
      firstAction: denied
        ? 'Check the template\'s vaultPolicies exist in Vault and that the product\'s token may grant them; then cleanupVaultToken and retryContainerInstance'
        : 'Check Vault reachability from the API (VAULT_ADDR) and that it is unsealed; then cleanupVaultToken and retryContainerInstance',
      mutations: ['cleanupVaultToken', 'retryContainerInstance'],
    };
  }
  if ((instance.status === InstanceStatus.PENDING || instance.status === InstanceStatus.PROVISIONING) && last && now - new Date(last.at).getTime() > STUCK_PROVISIONING_MS) {
    evidence.push(`Vault now: ${await probeVault()}`);
    return { symptom: neverRunning, cause: 'provisioning has not finished: its driver is waiting on Vault or the host', evidence, firstAction: 'Check Vault reachability and the host\'s status; cancelContainerInstance, cleanupVaultToken and retryContainerInstance if it stays', mutations: ['cancelContainerInstance', 'cleanupVaultToken', 'retryContainerInstance'] };
  }
  const violation = (kind: ViolationKind) => instance.violations.find((v) => v.kind === kind);
  if (instance.status === InstanceStatus.TIMED_OUT) {
    return { symptom: 'run stopped at its time limit', cause: `it ran past timeoutSeconds (${instance.definition.timeoutSeconds}s)`, evidence, firstAction: 'Raise the template\'s timeoutSeconds or make the job finish sooner; then retryContainerInstance', mutations: ['updateContainerTemplate', 'retryContainerInstance'] };
  }
  if (violation(ViolationKind.OOM_KILLED)) {
    return { symptom: 'run killed by the kernel', cause: `it used more than memoryMb (${instance.definition.memoryMb} MB)`, evidence: [...evidence, violation(ViolationKind.OOM_KILLED)!.detail], firstAction: 'Raise the template\'s memoryMb (within the account quota); then retryContainerInstance', mutations: ['updateContainerTemplate', 'retryContainerInstance'] };
  }
  if (violation(ViolationKind.POLICY_REFUSED) || violation(ViolationKind.IMAGE_DIGEST_MISMATCH)) {
    const found = violation(ViolationKind.POLICY_REFUSED) ?? violation(ViolationKind.IMAGE_DIGEST_MISMATCH)!;
    return { symptom: 'run refused before it started', cause: found.detail, evidence, firstAction: found.kind === ViolationKind.POLICY_REFUSED ? 'Remove the host-reaching settings, or run it as a caller with docker.hosts.privileged' : 'Pin the digest the host has, or put the pinned image on the host', mutations: [] };
  }
  if (instance.status === InstanceStatus.FAILED && instance.errorCode && instance.errorCode !== 'EXIT_CODE') {
    return { symptom: instance.startedAt ? 'run failed while running' : neverRunning, cause: `${instance.errorCode}: ${instance.reason ?? ''}`, evidence, firstAction: 'Check the host\'s status (dockerHost) and its diagnosis; then retryContainerInstance', mutations: ['retryContainerInstance'] };
  }
  return null;
}
