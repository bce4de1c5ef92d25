import { ContainerInstance, InstanceStatus } from '../../../src/instances/instance.entity';
import { CleanupPolicy, VaultDelivery } from '../../../src/instances/template.entity';

export const FAKE_HOST = '11111111-1111-4111-8111-111111111111';

/** A container instance as the runner holds it (PENDING on FAKE_HOST, an ENV-delivered token), overridable per test. */
export function anInstance(over: Partial<ContainerInstance> = {}, definition: Partial<ContainerInstance['definition']> = {}): ContainerInstance {
  return Object.assign(new ContainerInstance(), {
    id: 'inst-1',
    name: 'job-1',
    accountId: 'acct',
    hostId: FAKE_HOST,
    status: InstanceStatus.PENDING,
    transitions: [],
    actor: { subject: 'u', permissions: ['docker.hosts.manage'] },
    violations: [],
    definition: {
      container: { image: 'fleet/busybox', command: ['true'] },
      cpuMillicores: 100,
      memoryMb: 32,
      storageMb: 0,
      timeoutSeconds: 30,
      killGraceSeconds: 2,
      cleanupPolicy: CleanupPolicy.ALWAYS,
      vaultPolicies: ['fleet-acct-read'],
      vaultTtlSeconds: 120,
      vaultDelivery: VaultDelivery.ENV,
      vaultSecretPaths: [],
      placementLabels: {},
      pinnedDigest: null,
      ...definition,
    },
    ...over,
  });
}
