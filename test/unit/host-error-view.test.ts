import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { visibleLastError } from '../../src/hosts/host-error.view';

const principal = (...permissions: Permission[]) => ({ userId: 'u', accountId: 'a', permissions: new Set(permissions), expiresAt: 0, issuedAt: null }) as Principal;
const manager = principal(Permission.DockerHostsManage);
const admin = principal(Permission.DockerHostsManage, Permission.DockerHostsPrivileged);
const COARSE = { lastError: 'could not reach a Docker API at this endpoint (details in the server log)', lastErrorCode: 'HOST_UNREACHABLE' };

describe(visibleLastError.name, () => {
  it.each([
    ['HOST_UNREACHABLE', 'Docker host tcp://10.0.0.5:22 is unreachable (ECONNREFUSED)'],
    ['HOST_TIMEOUT', 'Docker host tcp://10.0.0.5:2375 did not answer within 5000 ms'],
    ['NOT_DOCKER_API', 'tcp://10.0.0.5:80 answered /version with HTTP 404: not a Docker Engine API'],
    ['TLS_ERROR', 'TLS handshake with https://10.0.0.5:443 failed: the server certificate is not trusted'],
    ['HOST_UNREACHABLE', 'no Docker socket at unix:///etc/shadow.sock (is dockerd running?)'],
  ])('gives a non-privileged caller in production one answer for %s', (code, message) => {
    expect(visibleLastError(manager, { lastError: message, lastErrorCode: code }, true)).toEqual(COARSE);
  });

  it('keeps an Engine error distinct but without its words, and leaves our own codes alone', () => {
    expect(visibleLastError(manager, { lastError: 'Docker Engine at tcp://h answered 500: boom', lastErrorCode: 'DOCKER_API_ERROR' }, true)).toEqual({ lastError: 'the Docker API at this endpoint answered with an error (details in the server log)', lastErrorCode: 'DOCKER_API_ERROR' });
    expect(visibleLastError(manager, { lastError: 'TLS credentials do not decrypt', lastErrorCode: 'DECRYPTION_FAILED' }, true)).toEqual({ lastError: 'TLS credentials do not decrypt', lastErrorCode: 'DECRYPTION_FAILED' });
  });

  it('shows the detail to docker.hosts.privileged, outside production, and has nothing to hide without an error', () => {
    const host = { lastError: 'Docker host tcp://10.0.0.5:22 is unreachable (ECONNREFUSED)', lastErrorCode: 'HOST_UNREACHABLE' };
    expect(visibleLastError(admin, host, true)).toEqual(host);
    expect(visibleLastError(manager, host, false)).toEqual(host);
    expect(visibleLastError(null, host, true)).toEqual(COARSE);
    expect(visibleLastError(manager, { lastError: null, lastErrorCode: null }, true)).toEqual({ lastError: null, lastErrorCode: null });
  });
});
