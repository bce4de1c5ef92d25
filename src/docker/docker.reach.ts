import type Docker from 'dockerode';
import { operationError } from './docker.errors';
import type { DockerClientPool, Engine } from './docker.pool';
import type { ContainerReach, HostTarget, VolumeReach } from './docker.types';

/**
 * The workload policy's reach lookup: what a container or volume on the host really is, inspected live. A missing
 * object is null (the policy decides what that means); anything else the Engine says is an error.
 */
export class DockerReach {
  constructor(private readonly pool: DockerClientPool) {}

  container(target: HostTarget, ref: string): Promise<ContainerReach | null> {
    return this.inspect(target, `inspecting container ${ref}`, async ({ docker }) => reachOf(await docker.getContainer(ref).inspect()));
  }

  volume(target: HostTarget, name: string): Promise<VolumeReach | null> {
    return this.inspect(target, `inspecting volume ${name}`, async ({ docker }) => {
      const v = (await docker.getVolume(name).inspect()) as unknown as { Name: string; Driver?: string; Options?: Record<string, string> | null };
      return { name: v.Name, driver: v.Driver ?? 'local', options: v.Options ?? {} };
    });
  }

  private async inspect<T>(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<T>): Promise<T | null> {
    try {
      return await this.pool.run(target, async (engine) => {
        try {
          return await fn(engine);
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) return null;
          throw error;
        }
      });
    } catch (error) {
      throw operationError(error, doing);
    }
  }
}

function reachOf(c: Docker.ContainerInspectInfo): ContainerReach {
  const hc = c.HostConfig as Omit<Docker.HostConfig, 'Devices'> & { Devices?: Array<{ PathOnHost: string; PathInContainer: string }> | null; DeviceCgroupRules?: string[] | null; DeviceRequests?: Array<{ Driver?: string }> | null; MaskedPaths?: string[] | null; UTSMode?: string; UsernsMode?: string };
  const devices = [
    ...(hc.Devices ?? []).map((d) => `${d.PathOnHost}:${d.PathInContainer}`),
    ...(hc.DeviceCgroupRules ?? []).map((rule) => `cgroup rule ${rule}`),
    ...(hc.DeviceRequests ?? []).map((request) => `${request.Driver || 'gpu'} device request`),
  ];
  // `--security-opt systempaths=unconfined` is not kept as a security option: it shows as no masked /proc paths.
  const unmasked = Array.isArray(hc.MaskedPaths) && hc.MaskedPaths.length === 0 && !hc.Privileged ? ['systempaths=unconfined'] : [];
  return {
    dockerId: c.Id,
    name: c.Name.replace(/^\//, ''),
    user: c.Config?.User ?? '',
    privileged: Boolean(hc.Privileged),
    capAdd: hc.CapAdd ?? [],
    devices,
    pidMode: hc.PidMode ?? '',
    ipcMode: hc.IpcMode ?? '',
    utsMode: hc.UTSMode ?? '',
    usernsMode: hc.UsernsMode ?? '',
    // CgroupnsMode is left out: Docker reports its own default there, "host" for every container on a cgroup v1 daemon.
    network: hc.NetworkMode ?? '',
    securityOpt: [...(hc.SecurityOpt ?? []), ...unmasked],
    mounts: (c.Mounts ?? []).map((m) => ({ type: m.Type, source: m.Type === 'volume' ? (m.Name ?? null) : m.Source })),
  };
}
