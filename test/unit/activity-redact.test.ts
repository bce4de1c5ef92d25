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
});
