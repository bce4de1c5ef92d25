import express from 'express';
import JSON5 from 'json5';
import type { Services } from '../graphql/context';
import type { Logger } from '../log/logger';
import { ErrorCode } from '../common/errors';
import { requestIdOf } from '../http/request-id';
import { clusterRoutes } from './clusters.routes';
import { containerRoutes } from './containers.routes';
import { deploymentRoutes } from './deployments.routes';
import { diagnosisRoutes } from './diagnosis.routes';
import { eventRoutes } from './events.routes';
import { hostRoutes } from './hosts.routes';
import { instanceRoutes } from './instances.routes';
import { inventoryRoutes } from './inventory.routes';
import { newRegistry, openApiDocument } from './rest.openapi';
import { swarmRoutes } from './swarm.routes';

/**
 * The runbook's REST API under /api/v1: every route one call into the same managers the GraphQL resolvers use, and
 * /api/v1/openapi.json, generated from the schemas the routes parse with.
 */
export function restRouter(options: { services: Services; logger: Logger; bodyLimit: string }): express.Router {
  const router = express.Router();
  const registry = newRegistry();
  const deps = { router, registry, services: options.services, logger: options.logger };

  router.use((req, res, next) => {
    res.setHeader('x-request-id', requestIdOf(req.header('x-request-id')));
    next();
  });
  // Bodies are read as JSON5, a superset of JSON: the runbook's own register line carries a /* comment */ in its
  // body, and must work as written. Everything valid JSON parses as JSON would.
  router.use(express.text({ type: ['application/json', 'application/*+json'], limit: options.bodyLimit }), (req, _res, next) => {
    if (typeof req.body !== 'string') return next();
    try {
      req.body = req.body.trim() === '' ? undefined : JSON5.parse(req.body);
      next();
    } catch (error) {
      next(Object.assign(new Error(`the body is not JSON: ${(error as Error).message}`), { status: 400, type: 'entity.parse.failed' }));
    }
  });

  hostRoutes(deps);
  containerRoutes(deps);
  inventoryRoutes(deps);
  eventRoutes(deps);
  clusterRoutes(deps);
  swarmRoutes(deps);
  deploymentRoutes(deps);
  instanceRoutes(deps);
  diagnosisRoutes(deps);

  const document = openApiDocument(registry);
  router.get('/openapi.json', (_req, res) => void res.json(document));

  router.use((_req, res) => void res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'no such route' } }));
  // Oversized or malformed bodies, in the REST error shape.
  router.use((error: { status?: number; type?: string; message: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status).json({ error: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : ErrorCode.BAD_USER_INPUT, message: error.message } });
  });
  return router;
}
