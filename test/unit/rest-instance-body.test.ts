import 'reflect-metadata';
import { RunInstanceBody, runInput } from '../../src/rest/instance.schemas';

describe(runInput.name, () => {
  it('reads every snake_case setting of a direct spec into the camelCase input runContainerInstance takes', () => {
    const body = RunInstanceBody.parse({
      container_instance: {
        spec: {
          name: 'job',
          container: {
            image: 'fleet/busybox',
            command: ['true'],
            entrypoint: ['sh'],
            env: ['A=1'],
            labels: { 'some_label.key': 'v' },
            ports: [{ container_port: 80, protocol: 'tcp', host_port: 0, host_ip: '127.0.0.1' }],
            mounts: [{ type: 'volume', source: 'data', target: '/data', read_only: true }],
            network: 'none',
            restart_policy: { name: 'on-failure', maximum_retry_count: 2 },
            healthcheck: { test: ['CMD', 'true'], interval_seconds: 1, timeout_seconds: 2, retries: 3, start_period_seconds: 4 },
            user: 'nobody',
            working_dir: '/tmp',
            privileged: false,
            cap_add: ['NET_ADMIN'],
            cap_drop: ['ALL'],
            devices: ['/dev/null'],
            pid_mode: 'container:x',
            ipc_mode: 'container:y',
            security_opt: ['no-new-privileges'],
          },
          cpu_millicores: 100,
          memory_mb: 64,
          storage_mb: 10,
          timeout_seconds: 30,
          kill_grace_seconds: 1,
          cleanup_policy: 'on_success',
          vault_policies: ['job-read'],
          vault_ttl_seconds: 90,
          vault_delivery: 'wrapped',
          vault_secret_paths: ['secret/app/db'],
          placement_labels: { os_type: 'linux' },
          pinned_digest: 'sha256:abc',
        },
        placement: { labels: { environment: 'staging' } },
        env: ['B=2'],
        task_ref: { id: 't1', callback_url: 'https://example.com/cb' },
      },
    });
    expect(runInput(body)).toEqual({
      templateId: undefined,
      hostId: undefined,
      spec: {
        name: 'job',
        container: {
          image: 'fleet/busybox',
          name: undefined,
          command: ['true'],
          entrypoint: ['sh'],
          env: ['A=1'],
          labels: { 'some_label.key': 'v' },
          ports: [{ containerPort: 80, protocol: 'tcp', hostPort: 0, hostIp: '127.0.0.1' }],
          mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
          network: 'none',
          restartPolicy: { name: 'on-failure', maximumRetryCount: 2 },
          healthcheck: { test: ['CMD', 'true'], intervalSeconds: 1, timeoutSeconds: 2, retries: 3, startPeriodSeconds: 4 },
          user: 'nobody',
          workingDir: '/tmp',
          privileged: false,
          capAdd: ['NET_ADMIN'],
          capDrop: ['ALL'],
          devices: ['/dev/null'],
          pidMode: 'container:x',
          ipcMode: 'container:y',
          securityOpt: ['no-new-privileges'],
        },
        cpuMillicores: 100,
        memoryMb: 64,
        storageMb: 10,
        timeoutSeconds: 30,
        killGraceSeconds: 1,
        cleanupPolicy: 'ON_SUCCESS',
        vaultPolicies: ['job-read'],
        vaultTtlSeconds: 90,
        vaultDelivery: 'WRAPPED',
        vaultSecretPaths: ['secret/app/db'],
        placementLabels: { os_type: 'linux' },
        pinnedDigest: 'sha256:abc',
      },
      placement: { labels: { environment: 'staging' } },
      env: ['B=2'],
      taskRef: { id: 't1', callbackUrl: 'https://example.com/cb' },
    });
  });

  it('refuses a setting the spec does not have, naming it in snake_case as sent', () => {
    const parsed = RunInstanceBody.safeParse({ container_instance: { spec: { name: 'job', container: { image: 'x', memoryLimitBytes: 1 } } } });
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.error.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['memoryLimitBytes'], path: ['container_instance', 'spec', 'container'] });
  });
});
