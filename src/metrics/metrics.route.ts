import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Metrics } from './metrics';

/**
 * GET /metrics in Prometheus' text format. With METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` is
 * answered (a scraper's secret, not a user's JWT: scraping needs no account). Without it, open in development and
 * test, and not served in production (404), so a forgotten setting never exposes the fleet's shape.
 */
export function metricsRoute(metrics: Metrics, options: { token?: string; production: boolean }): RequestHandler {
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  return async (req, res) => {
    if (!expected && options.production) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'metrics are not served without METRICS_TOKEN in production' } });
    if (expected) {
      const given = Buffer.from(req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return void res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"').json({ error: { code: 'UNAUTHENTICATED', message: 'metrics need Authorization: Bearer <METRICS_TOKEN>' } });
      }
    }
    res.setHeader('content-type', metrics.contentType).send(await metrics.render());
  };
}
