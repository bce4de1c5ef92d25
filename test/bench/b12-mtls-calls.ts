/**
 * B12: calls to the mutual-TLS fleet host through the product's Docker client pool (one cached dockerode client per
 * host target) against raw keep-alive `https` calls with the same certificates. Both sides send GET /_ping then
 * GET /version, the cheapest Engine calls, so the ratio is about connection handling: a per-call TLS handshake would
 * cost several times a call on a kept connection.
 */
import '../support/setup-env';
import { Agent, request } from 'node:https';
import { DockerClientPool } from '../../src/docker/docker.pool';
import { createLogger } from '../../src/log/logger';
import { loadFleet } from '../support/fleet';
import { alternate, ms, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const CALLS = 200;
const TARGET = 1.5;

export const b12: Benchmark = {
  id: 'B12',
  title: `${CALLS} calls to the mutual-TLS fleet host: client pool vs raw keep-alive https`,
  async run(): Promise<BenchOutcome> {
    const fleet = loadFleet();
    const url = new URL(fleet.tlsEndpoint);
    const target = { hostId: 'bench-b12', apiEndpoint: fleet.tlsEndpoint, tlsVerify: true, tls: fleet.tls, fingerprint: 'bench-b12' };
    const pool = new DockerClientPool({ timeoutMs: 10_000, logger: createLogger({ level: 'silent' }) });
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: fleet.tls.ca, cert: fleet.tls.cert, key: fleet.tls.key });
    // A fresh connection per call: what a per-call handshake costs here, so the figures show the ratio can tell.
    const handshaking = new Agent({ keepAlive: false, ca: fleet.tls.ca, cert: fleet.tls.cert, key: fleet.tls.key });
    const raw = (path: string, via = agent) =>
      new Promise<void>((resolve, reject) => {
        const req = request({ host: url.hostname, port: Number(url.port), path, agent: via, method: 'GET' }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const samples = await alternate({
        warmup: 1,
        rounds: 7,
        ours: async () => {
          for (let i = 0; i < CALLS / 2; i++) {
            await pool.run(target, ({ docker }) => docker.ping());
            await pool.run(target, ({ docker }) => docker.version());
          }
        },
        baseline: async () => {
          for (let i = 0; i < CALLS / 2; i++) {
            await raw('/_ping');
            await raw('/version');
          }
        },
      });
      const fresh: number[] = [];
      for (let r = 0; r < 3; r++) {
        const began = performance.now();
        for (let i = 0; i < CALLS / 2; i++) {
          await raw('/_ping', handshaking);
          await raw('/version', handshaking);
        }
        fresh.push(performance.now() - began);
      }
      const ours = summarize(samples.ours);
      const baseline = summarize(samples.baseline);
      const ratio = ours.p50 / baseline.p50;
      return {
        rows: [{ id: 'B12', what: `${CALLS} mTLS calls (/_ping + /version)`, ours: ms(ours.p50), baseline: ms(baseline.p50), ratio: round(ratio, 2), target: `≤ ${TARGET}x`, met: ratio <= TARGET }],
        details: { calls: CALLS, endpoint: fleet.tlsEndpoint, ours: rounded(ours), baseline: rounded(baseline), perCallMs: { ours: round(ours.p50 / CALLS), baseline: round(baseline.p50 / CALLS), handshakeEveryCall: round(summarize(fresh).p50 / CALLS) } },
      };
    } finally {
      agent.destroy();
      handshaking.destroy();
      pool.close();
    }
  },
};
