import { ConfigError, loadConfig } from '../../src/config/config';

describe(loadConfig.name, () => {
  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DOCKER_TIMEOUT_MS: '5', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(expect.arrayContaining(['PORT', 'DOCKER_TIMEOUT_MS', 'LOG_LEVEL', 'JWT_SECRET']));
  });

  it('refuses to start in production without a JWT key, an encryption key or a database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*ENCRYPTION_KEYS[\s\S]*DATABASE_URL/);
  });

  it('applies defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, NODE_ENV: 'development', production: false, DOCKER_TIMEOUT_MS: 5000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads OUTBOUND_ALLOW into entries (none by default) and names a bad entry', () => {
    expect(loadConfig({}).outboundAllow).toEqual([]);
    expect(loadConfig({ OUTBOUND_ALLOW: '127.0.0.1:5000, 10.0.0.0/8' }).outboundAllow).toEqual([{ host: '127.0.0.1', port: 5000 }, { network: '10.0.0.0', bits: 8 }]);
    expect(() => loadConfig({ OUTBOUND_ALLOW: '127.0.0.1:5000,10.0.0.0/40' })).toThrow(/OUTBOUND_ALLOW: "10.0.0.0\/40" is not a network/);
  });

  it('reads the task callback settings (its own allow list, none by default) and names a bad entry', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ taskCallbackAllow: [], TASK_CALLBACK_TIMEOUT_MS: 5000, TASK_CALLBACK_MAX_ATTEMPTS: 12, TASK_CALLBACK_BACKOFF_MS: 1000 });
    expect(loadConfig({ TASK_CALLBACK_ALLOW: '127.0.0.1, hooks.internal:8443' }).taskCallbackAllow).toEqual([{ network: '127.0.0.1', bits: 32 }, { host: 'hooks.internal', port: 8443 }]);
    expect(() => loadConfig({ TASK_CALLBACK_ALLOW: 'bad host!' })).toThrow(/TASK_CALLBACK_ALLOW: "bad host!" is not host/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(4000);
  });
});
