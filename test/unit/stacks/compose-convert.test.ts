import { parseStack } from '../../../src/stacks/compose';
import type { ServiceSpec } from '../../../src/stacks/compose';

/** The stack: web + worker, a secret, a config, an overlay network, replicas and update_config. */
const COMPOSE = `services:
  web:
    image: fleet/web:v1
    command: ["serve", "--port", "80"]
    environment:
      MODE: production
      GREETING: hello world
    ports:
      - "8080:80"
    networks: [front]
    secrets:
      - db_password
    configs:
      - source: web_conf
        target: /etc/web.conf
        mode: 0440
    healthcheck:
      test: wget -q -O- http://localhost/ || exit 1
      interval: 5s
      timeout: 2s
      retries: 3
    deploy:
      replicas: 3
      labels: [tier=front]
      update_config:
        parallelism: 1
        delay: 10s
        failure_action: rollback
        monitor: 15s
        order: start-first
      resources:
        limits: { cpus: "0.5", memory: 128M }
  worker:
    image: fleet/web:v1
    command: sh -c 'echo "working" && sleep 1000'
    networks: [front]
    secrets:
      - source: db_password
        target: db
        uid: "1000"
    deploy:
      replicas: 2
      restart_policy:
        condition: on-failure
        max_attempts: 3
networks:
  front:
    driver: overlay
secrets:
  db_password:
    environment: DB_PASSWORD
configs:
  web_conf:
    content: |
      listen 80
`;

const NS = { 'com.docker.stack.namespace': 'demo' };
const PRIVILEGES = { CredentialSpec: null, SELinuxContext: null, NoNewPrivileges: false } as const;

const WEB: ServiceSpec = {
  Name: 'demo_web',
  Labels: { tier: 'front', ...NS, 'com.docker.stack.image': 'fleet/web:v1' },
  TaskTemplate: {
    ContainerSpec: {
      Image: 'fleet/web:v1',
      Labels: NS,
      Privileges: PRIVILEGES,
      Args: ['serve', '--port', '80'],
      Env: ['GREETING=hello world', 'MODE=production'],
      Healthcheck: { Test: ['CMD-SHELL', 'wget -q -O- http://localhost/ || exit 1'], Interval: 5e9, Timeout: 2e9, Retries: 3 },
      Secrets: [{ File: { Name: 'db_password', UID: '0', GID: '0', Mode: 0o444 }, SecretID: '', SecretName: 'demo_db_password' }],
      Configs: [{ File: { Name: '/etc/web.conf', UID: '0', GID: '0', Mode: 0o440 }, ConfigID: '', ConfigName: 'demo_web_conf' }],
    },
    Resources: { Limits: { NanoCPUs: 500_000_000, MemoryBytes: 128 * 1024 * 1024 } },
    Placement: {},
    Networks: [{ Target: 'demo_front', Aliases: ['web'] }],
    ForceUpdate: 0,
  },
  Mode: { Replicated: { Replicas: 3 } },
  UpdateConfig: { Parallelism: 1, Delay: 10e9, FailureAction: 'rollback', Monitor: 15e9, MaxFailureRatio: 0, Order: 'start-first' },
  EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] },
};

const WORKER: ServiceSpec = {
  Name: 'demo_worker',
  Labels: { ...NS, 'com.docker.stack.image': 'fleet/web:v1' },
  TaskTemplate: {
    ContainerSpec: {
      Image: 'fleet/web:v1',
      Labels: NS,
      Privileges: PRIVILEGES,
      Args: ['sh', '-c', 'echo "working" && sleep 1000'],
      Secrets: [{ File: { Name: 'db', UID: '1000', GID: '0', Mode: 0o444 }, SecretID: '', SecretName: 'demo_db_password' }],
    },
    Resources: {},
    RestartPolicy: { Condition: 'on-failure', MaxAttempts: 3 },
    Placement: {},
    Networks: [{ Target: 'demo_front', Aliases: ['worker'] }],
    ForceUpdate: 0,
  },
  Mode: { Replicated: { Replicas: 2 } },
  EndpointSpec: {},
};

describe('parseStack', () => {
  it('converts a web + worker stack with a secret, a config and an overlay network to the specs docker stack deploy sends', () => {
    const { plan, warnings } = parseStack({ name: 'demo', compose: COMPOSE, variables: { DB_PASSWORD: 's3cret' } });
    expect(warnings).toEqual([]);
    expect(plan.namespace).toBe('demo');
    // Only networks a service uses are created: every service here is on `front`, so no demo_default.
    expect(plan.networks).toEqual([{ name: 'demo_front', external: false, spec: { Name: 'demo_front', Driver: 'overlay', Labels: NS } }]);
    expect(plan.secrets).toEqual([
      { name: 'demo_db_password', external: false, labels: NS, data: Buffer.from('s3cret'), spec: { Name: 'demo_db_password', Labels: NS, Data: Buffer.from('s3cret').toString('base64') } },
    ]);
    expect(plan.configs).toEqual([
      { name: 'demo_web_conf', external: false, labels: NS, data: Buffer.from('listen 80\n'), spec: { Name: 'demo_web_conf', Labels: NS, Data: Buffer.from('listen 80\n').toString('base64') } },
    ]);
    expect(plan.volumes).toEqual([]);
    expect(plan.services.map((s) => s.shortName)).toEqual(['web', 'worker']);
    expect(plan.services[0]).toEqual({ shortName: 'web', spec: WEB, secretRefs: ['demo_db_password'], configRefs: ['demo_web_conf'] });
    expect(plan.services[1]).toEqual({ shortName: 'worker', spec: WORKER, secretRefs: ['demo_db_password'], configRefs: [] });
  });

  it('writes the same JSON as Go would: absent zero fields, always-present Labels, Privileges, ForceUpdate and Order', () => {
    const { plan } = parseStack({ name: 'demo', compose: COMPOSE, variables: { DB_PASSWORD: 's3cret' } });
    const json = JSON.parse(JSON.stringify(plan.services[1]!.spec)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['Name', 'Labels', 'TaskTemplate', 'Mode', 'EndpointSpec']);
    expect(JSON.stringify(plan.services[0]!.spec.UpdateConfig)).toContain('"MaxFailureRatio":0');
  });

  it('gives the same plan for the same file twice, whatever the order of its keys', () => {
    const first = parseStack({ name: 'demo', compose: COMPOSE, variables: { DB_PASSWORD: 's3cret' } });
    const again = parseStack({ name: 'demo', compose: COMPOSE, variables: { DB_PASSWORD: 's3cret' } });
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    // Services, networks and secrets listed in another order in the file: the plan's lists come out the same.
    const reordered = `secrets:\n  b: {environment: B}\n  a: {environment: A}\nservices:\n  zed: {image: nginx, networks: [n2, n1], secrets: [b, a]}\n  alpha: {image: nginx}\nnetworks:\n  n2: {}\n  n1: {}\n`;
    const plan = parseStack({ name: 's', compose: reordered, variables: { A: '1', B: '2' } }).plan;
    expect(plan.services.map((s) => s.shortName)).toEqual(['alpha', 'zed']);
    expect(plan.networks.map((n) => n.name)).toEqual(['s_default', 's_n1', 's_n2']);
    expect(plan.secrets.map((s) => s.name)).toEqual(['s_a', 's_b']);
    const zed = plan.services[1]!.spec.TaskTemplate;
    expect(zed.Networks!.map((n) => n.Target)).toEqual(['s_n1', 's_n2']);
    expect(zed.ContainerSpec.Secrets!.map((s) => s.SecretName)).toEqual(['s_a', 's_b']);
  });

  it('puts a service without networks on <stack>_default, an overlay network with the stack label', () => {
    const { plan } = parseStack({ name: 'shop', compose: 'services:\n  api:\n    image: nginx:1.27\n' });
    expect(plan.networks).toEqual([{ name: 'shop_default', external: false, spec: { Name: 'shop_default', Driver: 'overlay', Labels: { 'com.docker.stack.namespace': 'shop' } } }]);
    expect(plan.services[0]!.spec.TaskTemplate.Networks).toEqual([{ Target: 'shop_default', Aliases: ['api'] }]);
    expect(plan.services[0]!.spec.Mode).toEqual({ Replicated: {} });
  });

  it('keeps name: as given and lists external objects to check rather than create', () => {
    const compose = `services:
  api:
    image: nginx
    networks: [shared, own]
    secrets: [cert]
    configs: [site]
    volumes: [cache:/cache, logs:/logs]
networks:
  shared: { external: true, name: proxy_net }
  own: { name: exact-net, driver_opts: { encrypted: "true" }, labels: { team: a } }
secrets:
  cert: { external: true }
configs:
  site: { name: site_v2, content: hello, labels: [v=2] }
volumes:
  cache: { driver: local, driver_opts: { type: tmpfs, device: tmpfs } }
  logs: { external: true, name: shared_logs }
`;
    const { plan } = parseStack({ name: 'demo', compose });
    expect(plan.networks).toEqual([
      { name: 'exact-net', external: false, spec: { Name: 'exact-net', Driver: 'overlay', Labels: { team: 'a', ...NS }, Options: { encrypted: 'true' } } },
      { name: 'proxy_net', external: true },
    ]);
    expect(plan.secrets).toEqual([{ name: 'cert', external: true, labels: {} }]);
    expect(plan.configs).toEqual([{ name: 'site_v2', external: false, labels: { v: '2', ...NS }, data: Buffer.from('hello'), spec: { Name: 'site_v2', Labels: { v: '2', ...NS }, Data: Buffer.from('hello').toString('base64') } }]);
    expect(plan.volumes).toEqual([{ name: 'demo_cache', external: false }, { name: 'shared_logs', external: true }]);
    const spec = plan.services[0]!.spec.TaskTemplate;
    expect(spec.Networks).toEqual([{ Target: 'exact-net', Aliases: ['api'] }, { Target: 'proxy_net', Aliases: ['api'] }]);
    expect(spec.ContainerSpec.Secrets).toEqual([{ File: { Name: 'cert', UID: '0', GID: '0', Mode: 0o444 }, SecretID: '', SecretName: 'cert' }]);
    expect(spec.ContainerSpec.Mounts).toEqual([
      { Type: 'volume', Source: 'demo_cache', Target: '/cache', VolumeOptions: { Labels: NS, DriverConfig: { Name: 'local', Options: { type: 'tmpfs', device: 'tmpfs' } } } },
      { Type: 'volume', Source: 'shared_logs', Target: '/logs', VolumeOptions: {} },
    ]);
  });

  it('converts the service fields the CLI converts', () => {
    const compose = `services:
  app:
    image: registry.local:5000/team/app@sha256:${'a'.repeat(64)}
    entrypoint: /bin/sh -c "echo \\"a b\\"" # a comment
    user: "1000:1000"
    working_dir: /srv
    hostname: app-host
    init: true
    read_only: true
    tty: true
    stdin_open: true
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    labels: { role: app }
    environment: [A=1, B, C=]
    dns: [10.0.0.53]
    dns_search: [corp.local]
    extra_hosts: ["db.local:10.0.0.7", "v6=[::1]"]
    cap_add: [net_admin]
    cap_drop: [ALL]
    sysctls: [net.core.somaxconn=1024]
    ulimits: { nproc: 512, nofile: { soft: 1024, hard: 2048 } }
    logging: { driver: json-file, options: { max-size: 10m } }
    healthcheck: { test: [CMD, /health], start_period: 30s }
    ports:
      - "9000-9001:8000-8001/udp"
      - { target: 443, published: 443, mode: host, protocol: tcp }
      - 7000
    volumes:
      - /var/log:/host/log:ro,rslave
      - type: tmpfs
        target: /cache
        tmpfs: { size: 64m }
      - /anonymous
    deploy:
      mode: replicated-job
      replicas: 2
      endpoint_mode: dnsrr
      resources:
        reservations: { cpus: "0.25", memory: 64M, generic_resources: [{ discrete_resource_spec: { kind: gpu, value: 1 } }] }
        limits: { pids: 100 }
      restart_policy: { condition: on-failure, delay: 5s, max_attempts: 0, window: 2m }
      placement: { constraints: [node.role==worker], preferences: [{ spread: node.labels.zone }], max_replicas_per_node: 1 }
      rollback_config: { parallelism: 0, monitor: 30s, max_failure_ratio: 0.2 }
`;
    const { plan } = parseStack({ name: 'x', compose, variables: { B: 'from-variables', C: 'also' } });
    const spec = plan.services[0]!.spec;
    expect(spec.Mode).toEqual({ ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 2 } });
    expect(spec.EndpointSpec).toEqual({
      Mode: 'dnsrr',
      Ports: [
        { Protocol: 'tcp', TargetPort: 7000, PublishMode: 'ingress' },
        { TargetPort: 443, PublishedPort: 443, Protocol: 'tcp', PublishMode: 'host' },
        { Protocol: 'udp', TargetPort: 8000, PublishedPort: 9000, PublishMode: 'ingress' },
        { Protocol: 'udp', TargetPort: 8001, PublishedPort: 9001, PublishMode: 'ingress' },
      ],
    });
    expect(spec.RollbackConfig).toEqual({ Parallelism: 0, Monitor: 30e9, MaxFailureRatio: 0.2, Order: '' });
    expect(spec.UpdateConfig).toBeUndefined();
    expect(spec.TaskTemplate).toEqual({
      ContainerSpec: {
        Image: `registry.local:5000/team/app@sha256:${'a'.repeat(64)}`,
        Labels: { role: 'app', 'com.docker.stack.namespace': 'x' },
        Privileges: PRIVILEGES,
        Command: ['/bin/sh', '-c', 'echo "a b"'],
        Hostname: 'app-host',
        Env: ['A=1', 'B=from-variables', 'C=also'],
        Dir: '/srv',
        User: '1000:1000',
        Init: true,
        StopSignal: 'SIGINT',
        TTY: true,
        OpenStdin: true,
        ReadOnly: true,
        Mounts: [
          { Type: 'bind', Source: '/var/log', Target: '/host/log', ReadOnly: true, BindOptions: { Propagation: 'rslave' } },
          { Type: 'tmpfs', Target: '/cache', TmpfsOptions: { SizeBytes: 64 * 1024 * 1024 } },
          { Type: 'volume', Target: '/anonymous' },
        ],
        StopGracePeriod: 90e9,
        Healthcheck: { Test: ['CMD', '/health'], StartPeriod: 30e9 },
        Hosts: ['10.0.0.7 db.local', '::1 v6'],
        DNSConfig: { Nameservers: ['10.0.0.53'], Search: ['corp.local'] },
        Sysctls: { 'net.core.somaxconn': '1024' },
        CapabilityAdd: ['CAP_NET_ADMIN'],
        CapabilityDrop: ['ALL'],
        Ulimits: [
          { Name: 'nofile', Soft: 1024, Hard: 2048 },
          { Name: 'nproc', Soft: 512, Hard: 512 },
        ],
      },
      Resources: { Limits: { Pids: 100 }, Reservations: { NanoCPUs: 250_000_000, MemoryBytes: 64 * 1024 * 1024, GenericResources: [{ DiscreteResourceSpec: { Kind: 'gpu', Value: 1 } }] } },
      RestartPolicy: { Condition: 'on-failure', Delay: 5e9, MaxAttempts: 0, Window: 120e9 },
      Placement: { Constraints: ['node.role==worker'], Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }], MaxReplicas: 1 },
      Networks: [{ Target: 'x_default', Aliases: ['app'] }],
      LogDriver: { Name: 'json-file', Options: { 'max-size': '10m' } },
      ForceUpdate: 0,
    });
  });

  it('reads the global modes, a disabled healthcheck and the legacy restart as the CLI does', () => {
    const compose = `services:
  agent:
    image: nginx
    restart: always
    healthcheck: { disable: true }
    deploy: { mode: global }
  once:
    image: nginx
    deploy: { mode: global-job }
`;
    const { plan, warnings } = parseStack({ name: 'm', compose });
    expect(plan.services[0]!.spec.Mode).toEqual({ Global: {} });
    expect(plan.services[0]!.spec.TaskTemplate.RestartPolicy).toEqual({ Condition: 'any' });
    expect(plan.services[0]!.spec.TaskTemplate.ContainerSpec.Healthcheck).toEqual({ Test: ['NONE'] });
    expect(plan.services[1]!.spec.Mode).toEqual({ GlobalJob: {} });
    expect(warnings).toEqual([expect.objectContaining({ path: 'services.agent.restart', line: 4 })]);
  });

  it('reads the short port syntax as the CLI loader does (the ports of docker/cli full-example.yml)', () => {
    const compose = `services:
  web:
    image: busybox
    ports:
      - 3000
      - "3001-3005"
      - "8000:8000"
      - "9090-9091:8080-8081"
      - "49100:22"
      - "127.0.0.1:8001:8001"
      - "127.0.0.1:5000-5010:5000-5010"
`;
    const { plan, warnings } = parseStack({ name: 'p', compose });
    const ingress = (target: number, published?: number) => ({ Protocol: 'tcp', TargetPort: target, ...(published ? { PublishedPort: published } : {}), PublishMode: 'ingress' });
    expect(plan.services[0]!.spec.EndpointSpec!.Ports).toEqual([
      ...[3000, 3001, 3002, 3003, 3004, 3005].map((target) => ingress(target)),
      ...Array.from({ length: 11 }, (_, i) => ingress(5000 + i, 5000 + i)),
      ingress(8000, 8000),
      ingress(8001, 8001),
      ingress(8080, 9090),
      ingress(8081, 9091),
      ingress(22, 49100),
    ]);
    // Swarm publishes on every address: the CLI only logs that it drops the IP; here it is a warning on the line.
    expect(warnings.map((w) => [w.path, w.line])).toEqual([
      ['services.web.ports[5]', 10],
      ['services.web.ports[6]', 11],
    ]);
  });

  it('turns extra_hosts into swarmkit\'s "ip host", a mapping sorted, a list in order (docker/cli loader tests)', () => {
    const hostsOf = (hosts: string) => {
      const { plan, warnings } = parseStack({ name: 'h', compose: `services:\n  web:\n    image: busybox\n    extra_hosts:\n${hosts}` });
      return { hosts: plan.services[0]!.spec.TaskTemplate.ContainerSpec.Hosts, warnings: warnings.map((w) => w.path) };
    };
    expect(hostsOf('      "zulu": "162.242.195.82"\n      "alpha": "50.31.209.229"\n      "beta": "[fd20:f8a7:6e5b::2]"\n      "host.docker.internal": "host-gateway"\n')).toEqual({
      hosts: ['50.31.209.229 alpha', 'fd20:f8a7:6e5b::2 beta', 'host-gateway host.docker.internal', '162.242.195.82 zulu'],
      warnings: [],
    });
    const list = ['zulu:162.242.195.82', 'whiskey=162.242.195.83', 'zulu:ff02::1', 'foxtrot=[ff02::3]', 'bravo:[ff02::4]', 'noaddress'];
    expect(hostsOf(list.map((entry) => `      - "${entry}"\n`).join(''))).toEqual({
      hosts: ['162.242.195.82 zulu', '162.242.195.83 whiskey', 'ff02::1 zulu', 'ff02::3 foxtrot', 'ff02::4 bravo'],
      warnings: ['services.web.extra_hosts[5]'],
    });
  });

  it('attaches networks with their aliases and options plus the short name, sorted (docker/cli convert tests)', () => {
    const compose = `services:
  service:
    image: busybox
    networks:
      front: { aliases: [something], driver_opts: { driver.opt1: optval1, driver.opt2: optval2 } }
      back: { aliases: [other] }
networks:
  front: { external: true, name: fronttier }
  back: {}
`;
    const { plan } = parseStack({ name: 'foo', compose });
    expect(plan.services[0]!.spec.TaskTemplate.Networks).toEqual([
      { Target: 'foo_back', Aliases: ['other', 'service'] },
      { Target: 'fronttier', Aliases: ['something', 'service'], DriverOpts: { 'driver.opt1': 'optval1', 'driver.opt2': 'optval2' } },
    ]);
    expect(plan.networks.map((n) => [n.name, n.external])).toEqual([
      ['foo_back', false],
      ['fronttier', true],
    ]);
    // An external network declared as `default` takes the place of <stack>_default.
    const custom = parseStack({ name: 'foo', compose: 'services:\n  service:\n    image: busybox\nnetworks:\n  default: { external: true, name: custom }\n' }).plan;
    expect(custom.services[0]!.spec.TaskTemplate.Networks).toEqual([{ Target: 'custom', Aliases: ['service'] }]);
    expect(custom.networks).toEqual([{ name: 'custom', external: true }]);
  });
});

