import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The development default when DATABASE_URL is unset: PGlite (PostgreSQL compiled to WASM) behind its socket server,
 * so MikroORM's postgres driver runs unchanged. Data lives in a folder and survives restarts. All connections share
 * one backend session and LISTEN/NOTIFY does not cross connections: fine for one process, not for tests or scale-out.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; maxConnections: number }): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
