import type { CreateContainerInput } from '../containers/container-spec.inputs';
import { MountType, RestartPolicyName } from '../containers/container-spec.inputs';
import { InstanceStatus, ViolationKind, type ContainerInstance } from '../instances/instance.entity';
import type { RunContainerInstanceInput } from '../instances/instance.inputs';
import { CleanupPolicy, VaultDelivery } from '../instances/template.entity';
import type { ContainerTemplateInput } from '../instances/template.inputs';
import { HostIdFilter, iso, lower, lowercaseEnum, upper } from './inventory.schemas';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';

const dateTime = z.string().datetime().nullable();
const Labels = z.record(z.string());
const int = z.number().int();
const Status = lowercaseEnum(InstanceStatus, 'ContainerInstanceStatus');
const Delivery = lowercaseEnum(VaultDelivery, 'VaultDelivery');

const Container = z
  .object({
    image: z.string().openapi({ description: 'Image reference, present on the host (pull it first)' }),
    name: z.string().optional(),
    command: z.array(z.string()).optional(),
    entrypoint: z.array(z.string()).optional(),
    env: z.array(z.string()).optional().openapi({ description: 'KEY=VALUE entries (values are never returned nor logged)' }),
    labels: Labels.optional(),
    ports: z.array(z.object({ container_port: int, protocol: z.string().optional(), host_port: int.optional(), host_ip: z.string().optional() }).strict()).optional(),
    mounts: z.array(z.object({ type: z.nativeEnum(MountType), source: z.string().optional(), target: z.string(), read_only: z.boolean().optional() }).strict()).optional(),
    network: z.string().optional(),
    restart_policy: z.object({ name: z.nativeEnum(RestartPolicyName), maximum_retry_count: int.optional() }).strict().optional(),
    healthcheck: z.object({ test: z.array(z.string()), interval_seconds: int.optional(), timeout_seconds: int.optional(), retries: int.optional(), start_period_seconds: int.optional() }).strict().optional(),
    user: z.string().optional(),
    working_dir: z.string().optional(),
    privileged: z.boolean().optional(),
    cap_add: z.array(z.string()).optional(),
    cap_drop: z.array(z.string()).optional(),
    devices: z.array(z.string()).optional(),
    pid_mode: z.string().optional(),
    ipc_mode: z.string().optional(),
    security_opt: z.array(z.string()).optional(),
  })
  .strict()
  .openapi('InstanceContainerSpec', { description: 'The container; its name and limits are set per run. Settings that reach into the host need docker.hosts.privileged' });

const Spec = z
  .object({
    name: z.string().openapi({ description: 'Names the run' }),
    container: Container,
    cpu_millicores: int.optional().openapi({ description: 'Default 500' }),
    memory_mb: int.optional().openapi({ description: 'Default 256' }),
    storage_mb: int.optional(),
    timeout_seconds: int.optional().openapi({ description: 'Default 600 (1 to 86400)' }),
    kill_grace_seconds: int.optional(),
    cleanup_policy: lowercaseEnum(CleanupPolicy, 'CleanupPolicy').optional(),
    vault_policies: z.array(z.string()).optional(),
    vault_ttl_seconds: int.optional(),
    vault_delivery: Delivery.optional(),
    vault_secret_paths: z.array(z.string()).optional(),
    placement_labels: Labels.optional(),
    pinned_digest: z.string().optional(),
  })
  .strict()
  .openapi('InstanceSpec', { description: 'A direct definition, judged like a template' });

export const RunInstanceBody = z
  .object({
    container_instance: z
      .object({
        template_id: z.string().uuid().optional().openapi({ description: 'Run this template (its current version); or give spec' }),
        spec: Spec.optional(),
        host_id: z.string().uuid().optional().openapi({ description: 'The host to run on; or placement' }),
        placement: z.object({ labels: Labels.optional() }).strict().optional().openapi({ description: 'Without host_id: a connected host with these labels (environment, os, os_type, architecture, name) and room' }),
        env: z.array(z.string()).optional().openapi({ description: "KEY=VALUE added to the template's; redacted from the stored output, never returned" }),
        task_ref: z.object({ id: z.string(), callback_url: z.string() }).strict().optional().openapi({ description: 'A linked task, told the result' }),
      })
      .strict(),
  })
  .strict()
  .openapi('ContainerInstanceRunRequest');

export const InstanceListQuery = withPaging({
  status: Status.optional(),
  template_id: z.string().uuid().optional(),
  host_id: HostIdFilter,
  task_id: z.string().max(256).optional(),
});
export const InstanceIdParams = z.object({ id: z.string().openapi({ description: 'The container instance id' }) });

export const InstanceView = z
  .object({
    id: z.string(),
    name: z.string(),
    status: Status,
    reason: z.string().nullable(),
    error_code: z.string().nullable(),
    template_id: z.string().nullable(),
    template_version: int.nullable(),
    retry_of: z.string().nullable(),
    host_id: z.string().nullable(),
    placement_reason: z.string().nullable(),
    container_id: z.string().nullable().openapi({ description: 'The Docker container id, once created' }),
    image: z.string(),
    cpu_millicores: int,
    memory_mb: int,
    timeout_seconds: int,
    vault_delivery: Delivery,
    env_names: z.array(z.string()).openapi({ description: "The environment's names; values are never returned" }),
    vault_revoked_at: dateTime,
    deadline_at: dateTime,
    exit_code: int.nullable(),
    stdout: z.string().nullable().openapi({ description: 'Size-capped, secrets redacted' }),
    stderr: z.string().nullable(),
    output_truncated: z.boolean(),
    memory_used_mb: int.nullable().openapi({ description: 'The last sample (null before the first)' }),
    peak_memory_used_mb: int.nullable(),
    cpu_used_millicores: int.nullable(),
    peak_cpu_used_millicores: int.nullable(),
    storage_used_bytes: int.nullable().openapi({ description: 'The writable layer, measured when the run ended' }),
    network_bytes_in: int.nullable(),
    network_bytes_out: int.nullable(),
    usage_sampled_at: dateTime,
    has_security_violations: z.boolean(),
    violations: z.array(z.object({ kind: lowercaseEnum(ViolationKind, 'SecurityViolationKind'), detected_at: z.string().datetime(), detail: z.string() })),
    transitions: z.array(z.object({ status: Status, at: z.string().datetime(), reason: z.string().nullable() })),
    task_ref: z.object({ id: z.string(), callback_url: z.string() }).nullable(),
    created_at: z.string().datetime(),
    started_at: dateTime,
    finished_at: dateTime,
  })
  .openapi('ContainerInstance');

export const InstanceAnswer = z.object({ container_instance: InstanceView }).openapi('ContainerInstanceResponse');
export const InstanceListAnswer = z.object({ container_instances: z.array(InstanceView), meta: PageMeta }).openapi('ContainerInstanceListResponse');

export const instanceFilter = (q: z.infer<typeof InstanceListQuery>) => ({ status: upper<InstanceStatus>(q.status), templateId: q.template_id, hostId: q.host_id, taskId: q.task_id });

type ContainerBody = z.infer<typeof Container>;

function containerInput(c: ContainerBody): CreateContainerInput {
  return {
    image: c.image,
    name: c.name,
    command: c.command,
    entrypoint: c.entrypoint,
    env: c.env,
    labels: c.labels,
    ports: c.ports?.map((p) => ({ containerPort: p.container_port, protocol: p.protocol, hostPort: p.host_port, hostIp: p.host_ip })),
    mounts: c.mounts?.map((m) => ({ type: m.type, source: m.source, target: m.target, readOnly: m.read_only })),
    network: c.network,
    restartPolicy: c.restart_policy && { name: c.restart_policy.name, maximumRetryCount: c.restart_policy.maximum_retry_count },
    healthcheck: c.healthcheck && { test: c.healthcheck.test, intervalSeconds: c.healthcheck.interval_seconds, timeoutSeconds: c.healthcheck.timeout_seconds, retries: c.healthcheck.retries, startPeriodSeconds: c.healthcheck.start_period_seconds },
    user: c.user,
    workingDir: c.working_dir,
    privileged: c.privileged,
    capAdd: c.cap_add,
    capDrop: c.cap_drop,
    devices: c.devices,
    pidMode: c.pid_mode,
    ipcMode: c.ipc_mode,
    securityOpt: c.security_opt,
  };
}

function specInput(s: z.infer<typeof Spec>): ContainerTemplateInput {
  return {
    name: s.name,
    container: containerInput(s.container),
    cpuMillicores: s.cpu_millicores,
    memoryMb: s.memory_mb,
    storageMb: s.storage_mb,
    timeoutSeconds: s.timeout_seconds,
    killGraceSeconds: s.kill_grace_seconds,
    cleanupPolicy: upper<CleanupPolicy>(s.cleanup_policy),
    vaultPolicies: s.vault_policies,
    vaultTtlSeconds: s.vault_ttl_seconds,
    vaultDelivery: upper<VaultDelivery>(s.vault_delivery),
    vaultSecretPaths: s.vault_secret_paths,
    placementLabels: s.placement_labels,
    pinnedDigest: s.pinned_digest,
  };
}

export function runInput({ container_instance: body }: z.infer<typeof RunInstanceBody>): RunContainerInstanceInput {
  return {
    templateId: body.template_id,
    spec: body.spec && specInput(body.spec),
    hostId: body.host_id,
    placement: body.placement && { labels: body.placement.labels },
    env: body.env,
    taskRef: body.task_ref && { id: body.task_ref.id, callbackUrl: body.task_ref.callback_url },
  };
}


export function instanceView(i: ContainerInstance): z.infer<typeof InstanceView> {
  const usage = i.usage ?? null;
  return {
    id: i.id,
    name: i.name,
    status: lower(i.status),
    reason: i.reason ?? null,
    error_code: i.errorCode ?? null,
    template_id: i.templateId ?? null,
    template_version: i.templateVersion ?? null,
    retry_of: i.retryOf ?? null,
    host_id: i.hostId ?? null,
    placement_reason: i.placementReason ?? null,
    container_id: i.containerId ?? null,
    image: i.image,
    cpu_millicores: i.cpuMillicores,
    memory_mb: i.memoryMb,
    timeout_seconds: i.timeoutSeconds,
    vault_delivery: lower(i.vaultDelivery),
    env_names: i.envNames,
    vault_revoked_at: iso(i.vaultRevokedAt),
    deadline_at: iso(i.deadlineAt),
    exit_code: i.exitCode ?? null,
    stdout: i.stdout ?? null,
    stderr: i.stderr ?? null,
    output_truncated: i.outputTruncated,
    memory_used_mb: usage?.memoryUsedMb ?? null,
    peak_memory_used_mb: usage?.peakMemoryUsedMb ?? null,
    cpu_used_millicores: usage?.cpuUsedMillicores ?? null,
    peak_cpu_used_millicores: usage?.peakCpuUsedMillicores ?? null,
    storage_used_bytes: usage?.storageUsedBytes ?? null,
    network_bytes_in: usage?.networkBytesIn ?? null,
    network_bytes_out: usage?.networkBytesOut ?? null,
    // JSON columns: their dates come back from the database as strings.
    usage_sampled_at: usage?.sampledAt ? new Date(usage.sampledAt).toISOString() : null,
    has_security_violations: i.hasSecurityViolations,
    violations: i.violations.map((v) => ({ kind: lower(v.kind), detected_at: new Date(v.detectedAt).toISOString(), detail: v.detail })),
    transitions: i.transitions.map((t) => ({ status: lower(t.status), at: new Date(t.at).toISOString(), reason: t.reason ?? null })),
    task_ref: i.taskRef ? { id: i.taskRef.id, callback_url: i.taskRef.callbackUrl } : null,
    created_at: i.createdAt.toISOString(),
    started_at: iso(i.startedAt),
    finished_at: iso(i.finishedAt),
  };
}
