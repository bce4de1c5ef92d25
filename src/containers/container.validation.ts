import { InputError } from '../common/errors';
import type { ContainerSpec } from '../docker/docker.types';
import type { CreateContainerInput } from './container-spec.inputs';
import { MountType, RestartPolicyName } from './container-spec.inputs';

const NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const ENV = /^[^=\s][^=]*(=[\s\S]*)?$/;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const MIN_MEMORY = 6 * 1024 * 1024; // Docker's own minimum

/** Checks a create request field by field (the error names the field) and maps it to the adapter's spec. */
export function validateContainerSpec(input: CreateContainerInput): ContainerSpec {
  const image = input.image.trim();
  if (!image || /\s/.test(image)) throw new InputError('image', 'must be an image reference');
  if (input.name != null && !NAME.test(input.name)) throw new InputError('name', 'may hold letters, digits, _ . - (up to 128), starting with a letter or digit');
  input.env?.forEach((entry, i) => {
    if (!ENV.test(entry)) throw new InputError(`env[${i}]`, 'must be KEY=VALUE');
  });
  input.ports?.forEach((p, i) => {
    if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) throw new InputError(`ports[${i}].containerPort`, 'must be 1-65535');
    if (p.hostPort != null && (!Number.isInteger(p.hostPort) || p.hostPort < 0 || p.hostPort > 65535)) throw new InputError(`ports[${i}].hostPort`, 'must be 0-65535');
    if (p.protocol != null && !PROTOCOLS.has(p.protocol)) throw new InputError(`ports[${i}].protocol`, 'must be tcp, udp or sctp');
  });
  input.mounts?.forEach((m, i) => {
    if (!m.target.startsWith('/')) throw new InputError(`mounts[${i}].target`, 'must be an absolute path');
    if (m.type !== MountType.TMPFS && !m.source) throw new InputError(`mounts[${i}].source`, 'is required for bind and volume mounts');
  });
  if (input.cpuLimit != null && !(input.cpuLimit > 0 && input.cpuLimit <= 1024)) throw new InputError('cpuLimit', 'must be more than 0 and at most 1024 CPUs');
  if (input.memoryLimitBytes != null && input.memoryLimitBytes < MIN_MEMORY) throw new InputError('memoryLimitBytes', 'must be at least 6 MiB');
  const restart = input.restartPolicy;
  if (restart?.maximumRetryCount != null && (restart.name !== RestartPolicyName.ON_FAILURE || restart.maximumRetryCount < 0)) {
    throw new InputError('restartPolicy.maximumRetryCount', 'applies to ON_FAILURE only, and is not negative');
  }
  const hc = input.healthcheck;
  if (hc) {
    if (hc.test.length === 0 || !['CMD', 'CMD-SHELL', 'NONE'].includes(hc.test[0]!)) throw new InputError('healthcheck.test', 'must start with CMD, CMD-SHELL or NONE');
    for (const key of ['intervalSeconds', 'timeoutSeconds', 'startPeriodSeconds', 'retries'] as const) {
      if (hc[key] != null && hc[key]! < 0) throw new InputError(`healthcheck.${key}`, 'must not be negative');
    }
  }
  return {
    image,
    name: input.name ?? null,
    command: input.command ?? null,
    entrypoint: input.entrypoint ?? null,
    env: input.env ?? null,
    labels: input.labels ?? null,
    ports: input.ports?.map((p) => ({ containerPort: p.containerPort, protocol: p.protocol ?? 'tcp', hostPort: p.hostPort, hostIp: p.hostIp })) ?? null,
    mounts: input.mounts?.map((m) => ({ type: m.type, source: m.source, target: m.target, readOnly: m.readOnly })) ?? null,
    network: input.network ?? null,
    restartPolicy: restart ? { name: restart.name, maximumRetryCount: restart.maximumRetryCount } : null,
    nanoCpus: input.cpuLimit != null ? Math.round(input.cpuLimit * 1e9) : null,
    memoryBytes: input.memoryLimitBytes ?? null,
    healthcheck: hc ?? null,
    user: input.user ?? null,
    workingDir: input.workingDir ?? null,
    privileged: input.privileged ?? null,
    capAdd: input.capAdd ?? null,
    capDrop: input.capDrop ?? null,
    devices: input.devices ?? null,
    pidMode: input.pidMode ?? null,
    ipcMode: input.ipcMode ?? null,
    securityOpt: input.securityOpt ?? null,
  };
}
