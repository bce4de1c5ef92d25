import 'reflect-metadata';
import { ContainerInstance, InstanceStatus, ViolationKind } from '../../src/instances/instance.entity';
import { diagnoseInstance, STUCK_PROVISIONING_MS } from '../../src/instances/instance.diagnosis';
import { removesContainer } from '../../src/instances/instance.cleanup';
import { CleanupPolicy } from '../../src/instances/template.entity';

const run = (over: Partial<ContainerInstance>) =>
  Object.assign(new ContainerInstance(), { definition: { vaultPolicies: ['fleet-a-db'], timeoutSeconds: 30, memoryMb: 64, container: { image: 'x' } }, transitions: [{ status: over.status ?? InstanceStatus.FAILED, at: new Date(0), reason: null }], ...over });

describe(diagnoseInstance.name, () => {
  it('answers "never running" for a Vault failure, with Vault probed now and the first action\'s mutations', async () => {
    let probes = 0;
    const probe = async () => (probes++, 'answers (version 1.15)');
    const d = await diagnoseInstance(run({ status: InstanceStatus.FAILED, errorCode: 'VAULT_DENIED', reason: 'permission denied' }), probe);
    expect(d).toMatchObject({ symptom: 'container provisioning → never running', cause: expect.stringContaining('refused the token (policies fleet-a-db)'), mutations: ['cleanupVaultToken', 'retryContainerInstance'] });
    expect(d!.evidence).toEqual(expect.arrayContaining(['reason: permission denied', 'error code: VAULT_DENIED', 'Vault now: answers (version 1.15)']));
    expect(probes).toBe(1);
  });

  it('calls provisioning stuck only past its limit, and is null for a run that is fine', async () => {
    const probe = async () => 'answers';
    const provisioning = run({ status: InstanceStatus.PROVISIONING });
    expect(await diagnoseInstance(provisioning, probe, STUCK_PROVISIONING_MS - 1)).toBeNull();
    expect((await diagnoseInstance(provisioning, probe, STUCK_PROVISIONING_MS + 1))!.cause).toMatch(/has not finished/);
    expect(await diagnoseInstance(run({ status: InstanceStatus.COMPLETED, exitCode: 0 }), probe)).toBeNull();
    expect(await diagnoseInstance(run({ status: InstanceStatus.FAILED, errorCode: 'EXIT_CODE', exitCode: 3 }), probe)).toBeNull();
  });

  it('names the limit a run crossed', async () => {
    const probe = async () => 'answers';
    expect((await diagnoseInstance(run({ status: InstanceStatus.TIMED_OUT }), probe))!.cause).toBe('it ran past timeoutSeconds (30s)');
    const oom = run({ status: InstanceStatus.FAILED, violations: [{ kind: ViolationKind.OOM_KILLED, detectedAt: new Date(0), detail: 'killed' }] });
    expect((await diagnoseInstance(oom, probe))!.cause).toBe('it used more than memoryMb (64 MB)');
  });
});

describe(removesContainer.name, () => {
  it('follows the cleanup policy', () => {
    expect([InstanceStatus.COMPLETED, InstanceStatus.FAILED].map((s) => removesContainer(CleanupPolicy.ALWAYS, s))).toEqual([true, true]);
    expect([InstanceStatus.COMPLETED, InstanceStatus.FAILED].map((s) => removesContainer(CleanupPolicy.ON_SUCCESS, s))).toEqual([true, false]);
    expect([InstanceStatus.COMPLETED, InstanceStatus.FAILED].map((s) => removesContainer(CleanupPolicy.NEVER, s))).toEqual([false, false]);
  });
});
