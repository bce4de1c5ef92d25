import { redactParameters } from '../../src/activities/activity.redact';

describe('activity parameters', () => {
  it('keep what was asked, but no secret, environment value or file content', () => {
    const redacted = redactParameters({
      hostId: 'h1',
      input: {
        image: 'app:1',
        env: ['DB_PASSWORD=hunter2', 'MODE=prod'],
        tlsCredentials: { ca: 'PEM', key: 'PEM' },
        password: 'hunter2',
        files: [{ path: 'secret.txt', content: 'hunter2' }],
        labels: { api_key: 'k', team: 'ops' },
        driverOpts: { type: 'cifs', o: 'addr=nas,username=u,password=hunter2', device: '//nas/share' },
      },
    });
    expect(redacted).toEqual({
      hostId: 'h1',
      input: {
        image: 'app:1',
        env: ['DB_PASSWORD=[redacted]', 'MODE=[redacted]'],
        tlsCredentials: '[redacted]',
        password: '[redacted]',
        files: [{ path: 'secret.txt', content: '[7 characters]' }],
        labels: { api_key: '[redacted]', team: 'ops' },
        driverOpts: { type: 'cifs', o: 'addr=nas,username=u,password=[redacted]', device: '//nas/share' },
      },
    });
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
  });

  it('cut long strings and lists', () => {
    const redacted = redactParameters({ dockerfile: 'x'.repeat(2000), command: Array.from({ length: 80 }, (_, i) => String(i)) }) as { dockerfile: string; command: string[] };
    expect(redacted.dockerfile).toMatch(/…\(2000 chars\)$/);
    expect(redacted.command).toHaveLength(50);
  });
  it('redacts by what a value looks like, not only by its name', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const redacted = redactParameters({
      input: {
        labels: { deploy: 'ghp_0123456789abcdefghijABCDEFGHIJ012345', note: 'plain words stay', sshKey: 'x', SSH_KEY: 'y', monkey: 'banana' },
        command: ['curl', '--password=hunter2', 'https://bob:hunter2@example.com/x', jwt, 'Zx8Qp2LmN4vR7tY1wK9sB3dF6hJ0cE5a', '--api-key', 'hunter2', '-v'],
        image: 'app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        id: '4f1c2b9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c',
        key: 'PEM',
        tlsCa: '-----BEGIN CERTIFICATE-----\nMIIB...',
      },
    });
    expect(redacted).toEqual({
      input: {
        labels: { deploy: '[redacted]', note: 'plain words stay', sshKey: '[redacted]', SSH_KEY: '[redacted]', monkey: 'banana' },
        command: ['curl', '--password=[redacted]', 'https://bob:[redacted]@example.com/x', '[redacted]', '[redacted]', '--api-key', '[redacted]', '-v'],
        image: 'app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        id: '4f1c2b9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c',
        key: '[redacted]',
        tlsCa: '[redacted]',
      },
    });
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
  });

  it('keeps build-arg values only when declared public, and never under a secret name', () => {
    const redacted = redactParameters({ input: { buildArgs: { VERSION: '1.2.3', SSH_KEY: 'k', NPM_TOKEN: 't', MIRROR: 'https://mirror.example' }, publicBuildArgs: ['VERSION', 'NPM_TOKEN'] } });
    expect(redacted).toEqual({ input: { buildArgs: { VERSION: '1.2.3', SSH_KEY: '[redacted]', NPM_TOKEN: '[redacted]', MIRROR: '[redacted]' }, publicBuildArgs: ['VERSION', 'NPM_TOKEN'] } });
  });
  it("keep a stack deploy's variable names, never their values, and only the size of the compose text", () => {
    const redacted = redactParameters({ clusterId: 'c1', input: { name: 'app', compose: 'services: {}', variables: [{ name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'MODE', value: 'prod' }] } });
    expect(redacted).toEqual({ clusterId: 'c1', input: { name: 'app', compose: '[12 characters]', variables: [{ name: 'DB_PASSWORD', value: '[redacted]' }, { name: 'MODE', value: '[redacted]' }] } });
  });
});
