import 'reflect-metadata';
import { OutboundPolicy } from '../../src/security/outbound-policy';
import { parseOutboundAllow } from '../../src/security/outbound-allow';
import { TaskCallbacks } from '../../src/tasks/task-callback.outbox';
import type { TaskCallbackRepository } from '../../src/tasks/task-callback.repository';
import type { TaskCallbackSecrets } from '../../src/tasks/task-callback.secrets';

/** The real policy with a fake resolver: names map to the addresses a DNS answer would give. */
const callbacks = (allow = '', dns: Record<string, string[]> = {}) =>
  new TaskCallbacks({
    repository: {} as TaskCallbackRepository,
    secrets: {} as TaskCallbackSecrets,
    policy: new OutboundPolicy({ allow: parseOutboundAllow(allow), lookup: async (host) => dns[host] ?? [], consequence: 'refused unless TASK_CALLBACK_ALLOW lists it' }),
  });

describe(`${TaskCallbacks.name}.checkTaskRef`, () => {
  it('accepts a public callback host, by name or address', async () => {
    const check = callbacks('', { 'tasks.example.com': ['93.184.215.14'] });
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'https://tasks.example.com/hooks/1' }, 'taskRef')).resolves.toBeUndefined();
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'http://93.184.215.14:8080/hook' }, 'taskRef')).resolves.toBeUndefined();
  });

  it('refuses a name resolving to a private address, FORBIDDEN naming the field', async () => {
    const check = callbacks('', { 'rebind.example.com': ['93.184.215.14', '10.1.2.3'] });
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'https://rebind.example.com/hook' }, 'input.taskRef')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'input.taskRef.callbackUrl' }, message: expect.stringContaining('private address (10.1.2.3)') });
  });

  it('lets a listed private network through, and only that one', async () => {
    const check = callbacks('10.0.0.0/8');
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'http://10.9.9.9/hook' }, 'taskRef')).resolves.toBeUndefined();
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'http://192.168.1.1/hook' }, 'taskRef')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(check.checkTaskRef({ id: 't-1', callbackUrl: 'http://[::ffff:169.254.169.254]/' }, 'taskRef')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['an ftp URL', 'ftp://93.184.215.14/x'],
    ['credentials in the URL', 'https://token@93.184.215.14/x'],
    ['a URL over 2048 characters', `https://93.184.215.14/${'x'.repeat(2048)}`],
    ['a relative URL', '//93.184.215.14/x'],
  ])('refuses %s as BAD_USER_INPUT naming taskRef.callbackUrl', async (_what, callbackUrl) => {
    await expect(callbacks().checkTaskRef({ id: 't-1', callbackUrl }, 'taskRef')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.callbackUrl' } });
  });

  it('refuses an empty, too long or unstorable task id naming taskRef.id', async () => {
    for (const id of ['', 'x'.repeat(257), 'a\u0000b']) {
      await expect(callbacks().checkTaskRef({ id, callbackUrl: 'https://93.184.215.14/' }, 'taskRef')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.id' } });
    }
  });
});
