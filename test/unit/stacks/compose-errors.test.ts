import { ErrorCode, InputError } from '../../../src/common/errors';
import { ComposeError, parseStack } from '../../../src/stacks/compose';

function failure(compose: string, variables: Record<string, string> = {}): ComposeError {
  try {
    parseStack({ name: 'demo', compose, variables });
  } catch (error) {
    if (error instanceof ComposeError) return error;
    throw error;
  }
  throw new Error('expected a ComposeError');
}

describe('compose errors', () => {
  it('answers bad YAML with BAD_USER_INPUT on compose and the line', () => {
    const error = failure('services:\n  web:\n    image: nginx\n   ports: [80\n');
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details.field).toBe('compose');
    expect(error.problems[0]).toMatchObject({ path: '', line: 4 });
    expect(error.message).toMatch(/^compose (is invalid|has \d+ problems): line 4: invalid YAML/);
  });

  it('refuses an anchor that contains itself, and a flood of aliases', () => {
    expect(failure('x-a: &a\n  b: *a\nservices:\n  web:\n    image: nginx\n').problems).toEqual([{ path: 'x-a.b', line: 2, message: 'an alias refers to an anchor that contains it' }]);
    const laughs = ['x-0: &l0 [a, a, a, a, a, a, a, a, a, a]', ...Array.from({ length: 8 }, (_, i) => `x-${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`)];
    expect(failure(`${laughs.join('\n')}\nservices:\n  web:\n    image: nginx\n`).problems[0]!.message).toMatch(/^invalid YAML: .*alias/i);
  });

  it('refuses a key given twice, at its second line', () => {
    expect(failure('services:\n  web:\n    image: nginx\n    image: httpd\n').problems).toEqual([{ path: '', line: 4, message: 'invalid YAML: Map keys must be unique' }]);
  });

  it('names the key path and line of each schema violation', () => {
    const error = failure('services:\n  web:\n    image: nginx\n    deploy:\n      replicas: [3]\n      replicass: 3\n    ports:\n      - target: 80\n        publish: 8080\n');
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'services.web.deploy.replicas', line: 5, message: 'must be an integer or a string' },
        { path: 'services.web.deploy.replicass', line: 6, message: 'is not a compose key here' },
        { path: 'services.web.ports[0].publish', line: 9, message: 'is not a compose key here' },
      ]),
    );
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('services.web.deploy.replicas (line 5): must be an integer or a string');
  });

  it('reports the branch of a list-or-mapping key that the value took, not every alternative', () => {
    expect(failure('services:\n  web:\n    image: nginx\n    networks:\n      front:\n        aliases: web\nnetworks:\n  front:\n').problems).toEqual([
      { path: 'services.web.networks.front.aliases', line: 6, message: 'must be a list' },
    ]);
    expect(failure('services:\n  web:\n    image: nginx\n    healthcheck:\n      test: 5\n').problems).toEqual([
      { path: 'services.web.healthcheck.test', line: 5, message: 'must be a string or a list' },
    ]);
  });

  it('says a value of the wrong kind must be an integer, at its line', () => {
    expect(failure('services:\n  web:\n    image: nginx\n    deploy:\n      mode: replicated\n      replicas: many\n').message).toBe(
      'compose is invalid: services.web.deploy.replicas (line 6): must be an integer',
    );
  });

  it('refuses the keys docker stack deploy refuses, all of them with their lines', () => {
    const error = failure('services:\n  web:\n    image: nginx\n    extends: base\n    mem_limit: 1g\n  db:\n    image: postgres\n    cpu_shares: 512\n    volumes_from: [web]\n');
    expect(error.problems.map((p) => [p.path, p.line])).toEqual([
      ['services.web.extends', 4],
      ['services.web.mem_limit', 5],
      ['services.db.cpu_shares', 8],
      ['services.db.volumes_from', 9],
    ]);
    expect(error.problems[1]!.message).toContain('Set resource limits using deploy.resources');
  });

  it('lists the keys swarm ignores as warnings with their lines, and still deploys', () => {
    const compose = `services:
  web:
    image: nginx
    build: .
    privileged: true
    container_name: web1
    network_mode: host
    depends_on: [db]
    networks:
      default:
        ipv4_address: 10.0.0.5
    ports: ["127.0.0.1:80:80"]
  db:
    image: postgres
    security_opt: [no-new-privileges]
`;
    const { plan, warnings } = parseStack({ name: 'demo', compose });
    expect(plan.services).toHaveLength(2);
    expect(warnings.map((w) => [w.path, w.line])).toEqual([
      ['services.web.build', 4],
      ['services.web.privileged', 5],
      ['services.web.container_name', 6],
      ['services.web.network_mode', 7],
      ['services.web.depends_on', 8],
      ['services.web.networks.default.ipv4_address', 11],
      ['services.web.ports[0]', 12],
      ['services.db.security_opt', 15],
    ]);
    expect(warnings[0]!.message).toMatch(/build/);
  });

  it('does not read files from the server: secret or config file:, env_file, include', () => {
    expect(failure('services:\n  web:\n    image: nginx\nsecrets:\n  key:\n    file: ./key.pem\n').problems).toEqual([
      { path: 'secrets.key.file', line: 6, message: 'a secret cannot be read from a file on the server; use environment: (a deploy variable), or external: true' },
    ]);
    expect(failure('services:\n  web:\n    image: nginx\nconfigs:\n  site:\n    file: ./site.conf\n').problems[0]).toMatchObject({ path: 'configs.site.file', line: 6 });
    expect(failure('services:\n  web:\n    image: nginx\n    env_file: .env\n').problems[0]).toMatchObject({ path: 'services.web.env_file', line: 4 });
    expect(failure('include: [other.yml]\nservices:\n  web:\n    image: nginx\n').problems[0]).toMatchObject({ path: 'include', line: 1 });
  });

  it('names a secret variable that was not given', () => {
    expect(failure('services:\n  web:\n    image: nginx\n    secrets: [db]\nsecrets:\n  db:\n    environment: DB_PASSWORD\n').problems).toEqual([
      { path: 'secrets.db.environment', line: 7, message: "variable DB_PASSWORD is not given: pass it in the deploy's variables" },
    ]);
  });

  it('names undefined networks, secrets, configs and volumes a service refers to', () => {
    const error = failure('services:\n  web:\n    image: nginx\n    networks: [back]\n    secrets: [token]\n    configs: [site]\n    volumes: [data:/data]\n');
    expect(error.problems.map((p) => [p.path, p.message.split(':')[0]])).toEqual([
      ['services.web.networks[0]', 'undefined network "back"'],
      ['services.web.secrets[0]', 'undefined secret "token"'],
      ['services.web.configs[0]', 'undefined config "site"'],
      ['services.web.volumes[0]', 'undefined volume "data"'],
    ]);
  });

  it('requires an image and refuses a malformed one', () => {
    expect(failure('services:\n  web:\n    command: [sleep, "1"]\n').problems).toEqual([
      { path: 'services.web.image', line: 2, message: 'invalid image reference for service web: no image specified' },
    ]);
    expect(failure('services:\n  web:\n    image: Not An Image\n').problems[0]).toMatchObject({ path: 'services.web.image', line: 3 });
  });

  it('refuses replicas in global mode, a relative bind mount and a bad port, each at its key', () => {
    const error = failure('services:\n  web:\n    image: nginx\n    volumes: ["./data:/data"]\n    ports: ["80:http"]\n    deploy: { mode: global, replicas: 2 }\n');
    expect(error.problems.map((p) => p.path)).toEqual(['services.web.deploy.replicas', 'services.web.volumes[0]', 'services.web.ports[0]']);
    expect(error.problems[1]!.message).toBe('the bind source ./data must be an absolute path on the nodes');
  });

  it('refuses a stack name that cannot prefix service names', () => {
    expect(() => parseStack({ name: 'my stack', compose: 'services:\n  web:\n    image: nginx\n' })).toThrow(InputError);
  });
});
