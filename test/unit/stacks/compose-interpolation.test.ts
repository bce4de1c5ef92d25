import { ComposeError, parseStack } from '../../../src/stacks/compose';

/** The image of a one-service stack whose image line is `image`, with these variables. */
function imageOf(image: string, variables: Record<string, string> = {}): string {
  const compose = `services:\n  web:\n    image: "${image}"\n`;
  return parseStack({ name: 'i', compose, variables }).plan.services[0]!.spec.TaskTemplate.ContainerSpec.Image;
}

function problemsOf(run: () => unknown): { path: string; line?: number; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ComposeError) return error.problems;
    throw error;
  }
  throw new Error('expected a ComposeError');
}

describe('compose interpolation', () => {
  it('substitutes ${VAR} and $VAR from the variables given', () => {
    expect(imageOf('${REPO}/web:$TAG', { REPO: 'fleet', TAG: 'v2' })).toBe('fleet/web:v2');
  });

  it('takes a :- default when the variable is unset or empty, a - default only when unset', () => {
    expect(imageOf('web:${TAG:-v1}')).toBe('web:v1');
    expect(imageOf('web:${TAG:-v1}', { TAG: '' })).toBe('web:v1');
    expect(imageOf('web:${TAG:-v1}', { TAG: 'v3' })).toBe('web:v3');
    expect(imageOf('web${TAG-:v1}')).toBe('web:v1');
    expect(imageOf('web${SUFFIX-:v1}', { SUFFIX: '' })).toBe('web');
  });

  it('fails on a required variable that is missing, naming it, its message, the key and the line', () => {
    const problems = problemsOf(() => imageOf('web:${TAG:?set the release tag}'));
    expect(problems).toEqual([{ path: 'services.web.image', line: 3, message: 'required variable TAG is missing a value: set the release tag' }]);
    // `?` accepts an empty value, `:?` does not.
    expect(imageOf('web${TAG?}', { TAG: '' })).toBe('web');
    expect(problemsOf(() => imageOf('web:${TAG:?}', { TAG: '' }))[0]!.message).toBe('required variable TAG is missing a value');
  });

  it('keeps $$ as a literal $ and refuses a lone $', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    command: ["echo", "$$HOME costs $$5"]\n';
    expect(parseStack({ name: 'i', compose }).plan.services[0]!.spec.TaskTemplate.ContainerSpec.Args).toEqual(['echo', '$HOME costs $5']);
    const bad = 'services:\n  web:\n    image: nginx\n    command: ["echo", "costs $5"]\n';
    expect(problemsOf(() => parseStack({ name: 'i', compose: bad }))).toEqual([
      { path: 'services.web.command[1]', line: 4, message: 'invalid interpolation format: "costs $5"; you may need to escape any $ with another $' },
    ]);
  });

  it('never reads the server environment: only the variables given count', () => {
    process.env.COMPOSE_TEST_ONLY_IN_SERVER_ENV = 'leaked';
    try {
      const { plan, warnings } = parseStack({ name: 'i', compose: 'services:\n  web:\n    image: "web:v1${COMPOSE_TEST_ONLY_IN_SERVER_ENV}"\n    environment: [COMPOSE_TEST_ONLY_IN_SERVER_ENV]\n' });
      expect(plan.services[0]!.spec.TaskTemplate.ContainerSpec.Image).toBe('web:v1');
      expect(plan.services[0]!.spec.TaskTemplate.ContainerSpec.Env).toEqual(['COMPOSE_TEST_ONLY_IN_SERVER_ENV']);
      expect(warnings).toEqual([{ path: 'services.web.image', line: 3, message: 'variable COMPOSE_TEST_ONLY_IN_SERVER_ENV is not set: an empty string is used' }]);
    } finally {
      delete process.env.COMPOSE_TEST_ONLY_IN_SERVER_ENV;
    }
  });

  it('turns interpolated numbers and booleans into their types where the CLI does, and says when they are not', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    read_only: ${RO}\n    deploy:\n      replicas: ${N}\n      update_config: { max_failure_ratio: "${RATIO}" }\n';
    const spec = parseStack({ name: 'i', compose, variables: { N: '4', RO: 'yes', RATIO: '0.25' } }).plan.services[0]!.spec;
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 4 } });
    expect(spec.TaskTemplate.ContainerSpec.ReadOnly).toBe(true);
    expect(spec.UpdateConfig!.MaxFailureRatio).toBe(0.25);
    expect(problemsOf(() => parseStack({ name: 'i', compose, variables: { N: 'four', RO: 'yes', RATIO: '0' } }))).toEqual([
      { path: 'services.web.deploy.replicas', line: 6, message: 'after interpolation "four" is not an integer' },
    ]);
  });

  it('does not interpolate keys, and interpolates inside lists and mappings', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    labels:\n      "${KEY}": "${VALUE}"\n    environment: ["URL=http://${HOST}:80"]\n';
    const container = parseStack({ name: 'i', compose, variables: { KEY: 'k', VALUE: 'v', HOST: 'db' } }).plan.services[0]!.spec.TaskTemplate.ContainerSpec;
    expect(container.Labels).toEqual({ '${KEY}': 'v', 'com.docker.stack.namespace': 'i' });
    expect(container.Env).toEqual(['URL=http://db:80']);
  });
});
