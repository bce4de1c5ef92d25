import { operationError } from './docker.errors';
import type { DockerClientPool, Engine } from './docker.pool';
import type { HostTarget, NetworkDetails, VolumeDetails } from './docker.types';

/** Networks and volumes on one host (the seed's NetworkManager and VolumeManager adapters). */
export class DockerObjects {
  constructor(private readonly pool: DockerClientPool) {}

  createNetwork(target: HostTarget, spec: { name: string; driver?: string | null; internal?: boolean | null; attachable?: boolean | null; labels?: Record<string, string> | null }): Promise<string> {
    return this.run(target, `creating network ${spec.name}`, async ({ docker }) => {
      const network = await docker.createNetwork({
        Name: spec.name,
        Driver: spec.driver ?? 'bridge',
        Internal: Boolean(spec.internal),
        Attachable: Boolean(spec.attachable),
        Labels: spec.labels ?? {},
        CheckDuplicate: true,
      });
      return network.id;
    });
  }

  removeNetwork(target: HostTarget, dockerId: string): Promise<void> {
    return this.run(target, `removing network ${dockerId.slice(0, 12)}`, async ({ docker }) => void (await docker.getNetwork(dockerId).remove()));
  }

  connect(target: HostTarget, networkId: string, containerId: string, aliases?: string[] | null): Promise<void> {
    return this.run(target, `connecting container ${containerId.slice(0, 12)} to network ${networkId.slice(0, 12)}`, async ({ docker }) =>
      void (await docker.getNetwork(networkId).connect({ Container: containerId, EndpointConfig: aliases?.length ? { Aliases: aliases } : {} })),
    );
  }

  disconnect(target: HostTarget, networkId: string, containerId: string, force: boolean): Promise<void> {
    return this.run(target, `disconnecting container ${containerId.slice(0, 12)} from network ${networkId.slice(0, 12)}`, async ({ docker }) =>
      void (await docker.getNetwork(networkId).disconnect({ Container: containerId, Force: force })),
    );
  }

  inspectNetwork(target: HostTarget, dockerId: string): Promise<NetworkDetails> {
    return this.run(target, `inspecting network ${dockerId.slice(0, 12)}`, async ({ docker }) => {
      const n = await docker.getNetwork(dockerId).inspect();
      return {
        dockerId: n.Id,
        name: n.Name,
        driver: n.Driver,
        scope: n.Scope,
        internal: Boolean(n.Internal),
        attachable: Boolean(n.Attachable),
        labels: n.Labels ?? {},
        subnets: ((n.IPAM?.Config ?? []) as Array<{ Subnet?: string }>).map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
        containers: Object.entries((n.Containers ?? {}) as Record<string, { Name: string; IPv4Address?: string }>).map(([id, c]) => ({ dockerId: id, name: c.Name, ipv4Address: c.IPv4Address || null })),
      };
    });
  }

  createVolume(target: HostTarget, spec: { name?: string | null; driver?: string | null; driverOpts?: Record<string, string> | null; labels?: Record<string, string> | null }): Promise<string> {
    return this.run(target, `creating volume ${spec.name ?? ''}`.trim(), async ({ docker }) => {
      // dockerode answers with its Volume handle (`name`), not the Engine's JSON.
      const volume = (await docker.createVolume({ Name: spec.name ?? undefined, Driver: spec.driver ?? 'local', DriverOpts: spec.driverOpts ?? {}, Labels: spec.labels ?? {} })) as unknown as { name: string };
      return volume.name;
    });
  }

  removeVolume(target: HostTarget, name: string, force: boolean): Promise<void> {
    return this.run(target, `removing volume ${name}`, async ({ docker }) => void (await docker.getVolume(name).remove({ force })));
  }

  inspectVolume(target: HostTarget, name: string): Promise<VolumeDetails> {
    return this.run(target, `inspecting volume ${name}`, async ({ docker }) => {
      const v = (await docker.getVolume(name).inspect()) as unknown as { Name: string; Driver: string; Mountpoint?: string; Scope?: string; Labels?: Record<string, string> | null; CreatedAt?: string };
      return { name: v.Name, driver: v.Driver, mountpoint: v.Mountpoint ?? null, scope: v.Scope ?? 'local', labels: v.Labels ?? {}, createdAt: v.CreatedAt ? new Date(v.CreatedAt) : null };
    });
  }

  /** Removes unused volumes; Docker answers with what it removed and the space reclaimed. */
  pruneVolumes(target: HostTarget, label?: string | null): Promise<{ removed: string[]; spaceReclaimedBytes: number }> {
    return this.run(target, 'pruning volumes', async ({ docker }) => {
      const result = (await docker.pruneVolumes(label ? { filters: { label: [label] } } : {})) as { VolumesDeleted?: string[] | null; SpaceReclaimed?: number };
      return { removed: result.VolumesDeleted ?? [], spaceReclaimedBytes: Number(result.SpaceReclaimed ?? 0) };
    });
  }

  private async run<T>(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
    try {
      return await this.pool.run(target, fn);
    } catch (error) {
      throw operationError(error, doing);
    }
  }
}
