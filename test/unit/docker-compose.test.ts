import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../../src/config/config';

const ROOT = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  command?: string[];
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

/** docker-compose.yml cannot be run here (no image pulls): what it says is checked against the code instead. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
  const { postgres, redis, vault, api } = compose.services;
  // `${X:-}` is how the file passes the caller's variable through: empty when unset (the config treats empty as unset).
  const apiEnv = Object.fromEntries(Object.entries(api?.environment ?? {}).map(([k, v]) => [k, String(v).replace(/^\$\{\w+:-([^}]*)\}$/, '$1')]));

  it('has PostgreSQL, Redis, a Vault dev server and the API built from the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'vault']);
    expect(postgres?.image).toMatch(/^postgres:\d+/);
    expect(redis?.image).toMatch(/^redis:\d+/);
    expect(vault?.image).toMatch(/^hashicorp\/vault:\d/);
    expect(vault).toMatchObject({ command: expect.arrayContaining(['server', '-dev']) });
    expect(api?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const main = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
    expect(dockerfile).toContain(`CMD ["node", "${main}"]`);
    expect(existsSync(path.join(ROOT, main.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${apiEnv.PORT}$`, 'm'));
    // The image builds what `npm start` serves: the server and the fleet page (npm run build), from every folder it reads.
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    for (const folder of ['src', 'test', 'web']) expect(dockerfile).toMatch(new RegExp(`^COPY ${folder} \\./${folder}$`, 'm'));
  });

  it('gives the API only variables its config reads, with values it accepts, pointing at the other services', () => {
    expect(Object.keys(apiEnv).filter((key) => !CONFIG_KEYS.includes(key))).toEqual([]);
    const config = loadConfig(apiEnv);
    const database = new URL(config.DATABASE_URL!);
    expect([database.hostname, database.port, database.username, database.password, database.pathname]).toEqual(['postgres', '5432', postgres!.environment!.POSTGRES_USER, postgres!.environment!.POSTGRES_PASSWORD, `/${postgres!.environment!.POSTGRES_DB}`]);
    expect(new URL(config.REDIS_URL!).host).toBe('redis:6379');
    expect(new URL(config.VAULT_ADDR!).host).toBe('vault:8200');
    expect(config.VAULT_TOKEN).toBe(vault!.environment!.VAULT_DEV_ROOT_TOKEN_ID);
    // The published ports are the ones the services listen on, and only on loopback.
    expect(api!.ports).toEqual([`127.0.0.1:${config.PORT}:${config.PORT}`]);
    expect(postgres!.ports).toEqual(['127.0.0.1:5432:5432']);
    expect(redis!.ports).toEqual(['127.0.0.1:6379:6379']);
    expect(vault!.ports).toEqual(['127.0.0.1:8200:8200']);
    expect(vault!.command).toContain('-dev-listen-address=0.0.0.0:8200');
  });

  it('starts the API once every dependency reports healthy, and checks the API itself on /readyz', () => {
    for (const [name, service] of Object.entries(compose.services)) expect([name, Array.isArray(service.healthcheck?.test)]).toEqual([name, true]);
    expect(api!.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, vault: { condition: 'service_healthy' } });
    expect(api!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${apiEnv.PORT}/readyz`);
    expect(postgres!.healthcheck!.test.join(' ')).toContain(`pg_isready -U ${postgres!.environment!.POSTGRES_USER}`);
  });
});
