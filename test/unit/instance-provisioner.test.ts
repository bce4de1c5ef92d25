import { ErrorCode, ForbiddenError } from '../../src/common/errors';
import type { ContainerSpec, HostTarget } from '../../src/docker/docker.types';
import { INSTANCE_LABEL } from '../../src/events/event.severity';
import { InstanceStatus, ViolationKind, type ContainerInstance } from '../../src/instances/instance.entity';
import { InstanceProvisioner, type ProvisionerDeps } from '../../src/instances/instance.provisioner';
import { LeaseLostError } from '../../src/instances/instance.repository';
import { Run } from '../../src/instances/instance.runner';
import { VaultDelivery } from '../../src/instances/template.entity';
import { FAKE_HOST, anInstance } from './fakes/instance.fake';
import { VaultError } from '../../src/vault/vault.errors';

const HOST = FAKE_HOST;
const instance = anInstance;
const target = { hostId: HOST } as unknown as HostTarget;


/**
 * Hand-written fakes recording what was made and undone: a repository whose writes can be made to fail (the lease
 * lost), a Vault that issues, refuses or is absent, a host holding labelled leftovers, a policy refusing on demand.
 */
function fixture(options: { vault?: 'ok' | 'none' | 'down'; refuse?: boolean; loseLeaseOn?: 'vaultAccessor' | 'containerId'; leftovers?: string[]; imageId?: string } = {}) {
  const made = { created: [] as ContainerSpec[], started: [] as string[], removed: [] as string[], issued: [] as string[], revoked: [] as string[], files: [] as string[] };
  // (a file is recorded as "path mode content")
  const writes: Array<Partial<ContainerInstance>> = [];
  const steps: Array<{ status: InstanceStatus; reason: string; fields?: Partial<ContainerInstance> }> = [];
  let n = 0;
  const vault: ProvisionerDeps['vault'] =
    options.vault === 'none'
      ? null
      : {
          createOrphanToken: (async (request: { wrapTtlSeconds?: number }) => {
            if (options.vault === 'down') throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'connect ECONNREFUSED');
            n += 1;
            made.issued.push(`acc-${n}`);
            return request.wrapTtlSeconds ? { accessor: `acc-${n}`, wrappingToken: `hvs.wrap-${n}` } : { accessor: `acc-${n}`, token: `hvs.token-${n}` };
          }) as never,
          revokeAccessor: async (accessor: string) => void made.revoked.push(accessor),
          accessorsWithMeta: async () => ['acc-lost'],
        };
  const deps: ProvisionerDeps = {
    repository: {
      write: async (_owner, inst, changes) => {
        if (options.loseLeaseOn && changes[options.loseLeaseOn]) throw new LeaseLostError(inst.id);
        writes.push(changes);
        Object.assign(inst, changes);
      },
    },
    hosts: { operable: async () => ({ host: { id: HOST }, target }) as never },
    containers: {
      create: async (_t, spec) => {
        made.created.push(spec);
        return `c${made.created.length}`.padEnd(64, '0');
      },
      start: async (_t, id) => void made.started.push(id),
      remove: async (_t, id) => void made.removed.push(id),
    },
    runs: {
      putFile: async (_t, _id, file) => void made.files.push(`${file.dir}${file.name} ${file.mode.toString(8)} ${file.content}`),
      withLabel: async (_t, label, value) => (label === INSTANCE_LABEL && value === 'inst-1' ? options.leftovers ?? [] : []),
      imageDigests: async () => (options.imageId ? { id: options.imageId, repoDigests: [] } : null),
    },
    vault,
    policy: {
      enforce: async () => {
        if (options.refuse) throw new ForbiddenError('privileged: reaches the host', 'privileged');
      },
    },
    environment: () => ['KEEP=1'],
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as never,
    owner: 'me',
    settings: { vaultAddress: 'http://vault:8200' },
    step: {
      transition: async (inst, status, reason, changes) => {
        steps.push({ status, reason });
        Object.assign(inst, changes ?? {}, { status });
      },
      finish: async (inst, status, fields) => {
        steps.push({ status, reason: fields.reason, fields });
        Object.assign(inst, fields, { status });
      },
    },
  };
  return { provisioner: new InstanceProvisioner(deps), made, writes, steps };
}

const noThen = async () => undefined;

describe(InstanceProvisioner.name, () => {
  it('issues the token before the container exists (accessor stored first), hands it over by env, starts, and sets the deadline', async () => {
    const { provisioner, made, writes, steps } = fixture();
    const run = new Run(instance());
    const before = Date.now();
    let handedTarget: HostTarget | null = null;
    await provisioner.provision(run, async (t) => void (handedTarget = t));
    expect(writes[0]).toMatchObject({ vaultAccessor: 'acc-1', vaultRevokedAt: null });
    expect(writes[1]).toHaveProperty('containerId');
    expect(made.created).toHaveLength(1);
    expect(made.created[0].env).toEqual(['KEEP=1', 'VAULT_ADDR=http://vault:8200', 'VAULT_TOKEN=hvs.token-1']);
    expect(made.created[0].labels).toMatchObject({ [INSTANCE_LABEL]: 'inst-1' });
    expect(made.created[0]).toMatchObject({ nanoCpus: 100_000_000, memoryBytes: 32 * 1024 * 1024 });
    expect(made.started).toHaveLength(1);
    expect(steps.map((s) => s.status)).toEqual([InstanceStatus.PROVISIONING, InstanceStatus.RUNNING]);
    expect(run.instance.deadlineAt!.getTime() - run.instance.startedAt!.getTime()).toBe(30_000);
    expect(run.instance.startedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(handedTarget).toBe(target);
  });

  it('delivers a wrapped token as VAULT_WRAPPING_TOKEN only, and a file token into the container (0400), never in its env', async () => {
    const wrapped = fixture();
    await wrapped.provisioner.provision(new Run(instance({}, { vaultDelivery: VaultDelivery.WRAPPED })), noThen);
    expect(wrapped.made.created[0].env).toContain('VAULT_WRAPPING_TOKEN=hvs.wrap-1');
    expect(wrapped.made.created[0].env!.some((e) => e.startsWith('VAULT_TOKEN='))).toBe(false);

    const file = fixture();
    const run = new Run(instance({}, { vaultDelivery: VaultDelivery.FILE }));
    await file.provisioner.provision(run, noThen);
    expect(file.made.created[0].env).toContain('VAULT_TOKEN_FILE=/run/secrets/vault-token');
    expect(file.made.created[0].env!.join(' ')).not.toContain('hvs.token-1');
    expect(file.made.files).toEqual(['/run/secrets/vault-token 400 hvs.token-1']);
    expect(run.secrets).toEqual(['hvs.token-1']); // redacted from output like the environment
  });

  it('fails closed: Vault down or not configured → no container is created or started', async () => {
    for (const vault of ['down', 'none'] as const) {
      const { provisioner, made } = fixture({ vault });
      await expect(provisioner.provision(new Run(instance()), noThen)).rejects.toMatchObject({ code: ErrorCode.VAULT_UNAVAILABLE });
      expect(made.created).toEqual([]);
      expect(made.started).toEqual([]);
    }
  });

  it('a run the workload policy refuses ends FAILED with the violation, before any token or container', async () => {
    const { provisioner, made, steps } = fixture({ refuse: true });
    const run = new Run(instance());
    await provisioner.provision(run, noThen);
    expect(steps.at(-1)).toMatchObject({ status: InstanceStatus.FAILED, fields: { errorCode: ErrorCode.FORBIDDEN } });
    expect(run.instance.violations.map((v) => v.kind)).toEqual([ViolationKind.POLICY_REFUSED]);
    expect(made.issued).toEqual([]);
    expect(made.created).toEqual([]);
  });

  it('a pinned digest the host\'s image does not have ends FAILED (IMAGE_DIGEST_MISMATCH), nothing started', async () => {
    const { provisioner, made } = fixture({ imageId: 'sha256:other' });
    const run = new Run(instance({}, { pinnedDigest: 'sha256:wanted' }));
    await provisioner.provision(run, noThen);
    expect(run.instance.status).toBe(InstanceStatus.FAILED);
    expect(run.instance.violations.map((v) => v.kind)).toEqual([ViolationKind.IMAGE_DIGEST_MISMATCH]);
    expect(made.issued).toEqual([]);
    expect(made.created).toEqual([]);
  });

  it('undoes what it made when the lease is lost while recording it: the token revoked, or the container removed', async () => {
    const token = fixture({ loseLeaseOn: 'vaultAccessor' });
    await expect(token.provisioner.provision(new Run(instance()), noThen)).rejects.toBeInstanceOf(LeaseLostError);
    expect(token.made.revoked).toEqual(['acc-1']);
    expect(token.made.created).toEqual([]);

    const container = fixture({ loseLeaseOn: 'containerId' });
    await expect(container.provisioner.provision(new Run(instance()), noThen)).rejects.toBeInstanceOf(LeaseLostError);
    expect(container.made.created).toHaveLength(1);
    expect(container.made.removed).toEqual(['c1'.padEnd(64, '0')]);
    expect(container.made.started).toEqual([]);
  });

  it('makes nothing more once let go (the abort signal), and nothing starts when cancelled before the start', async () => {
    const { provisioner, made } = fixture();
    const run = new Run(instance());
    run.abort.abort();
    await expect(provisioner.provision(run, noThen)).rejects.toBeInstanceOf(LeaseLostError);
    expect(made.issued).toEqual([]);

    const cancelled = fixture();
    const later = new Run(instance({ cancelRequestedAt: new Date() }));
    await cancelled.provisioner.provision(later, noThen);
    expect(later.instance.status).toBe(InstanceStatus.CANCELLED);
    expect(cancelled.made.created).toEqual([]);
  });

  it('a run taken over while PROVISIONING starts from a clean slate: earlier token revoked, labelled container removed, fields cleared', async () => {
    const { provisioner, made, writes } = fixture({ leftovers: ['half-made'] });
    const run = new Run(instance({ status: InstanceStatus.PROVISIONING, vaultAccessor: 'acc-old', vaultRevokedAt: null, containerId: 'half-made' }));
    await provisioner.provision(run, noThen);
    expect(made.revoked).toEqual(['acc-old']);
    expect(made.removed).toEqual(['half-made']);
    expect(writes[0]).toEqual({ vaultAccessor: null, vaultTokenExpiresAt: null, containerId: null });
    expect(made.issued).toEqual(['acc-1']);
    expect(run.instance.status).toBe(InstanceStatus.RUNNING);

    // No accessor stored: a token the dead driver may have been issued is found by its metadata and revoked.
    const unknown = fixture();
    await unknown.provisioner.provision(new Run(instance({ status: InstanceStatus.PROVISIONING })), noThen);
    expect(unknown.made.revoked).toEqual(['acc-lost']);
  });
});
