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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(4000);
  });
});
