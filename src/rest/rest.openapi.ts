import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// zod-to-openapi reads `.openapi(...)` metadata off zod schemas: installed once, before any REST schema is built.
extendZodWithOpenApi(z);

export { z };

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'BAD_USER_INPUT' }),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'The offending field, as the request spells it (snake_case)' }),
    }),
  })
  .openapi('Error');

export const bearerAuth = 'bearerAuth';

export function newRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', bearerAuth, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  return registry;
}

/** The OpenAPI 3.1 document of every route registered, built from the very schemas the routes parse with. */
export function openApiDocument(registry: OpenAPIRegistry): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Fleet control DevOps REST API',
      version: '1',
      description: "The runbook's REST paths, a thin layer over the same managers, permissions and audit as the GraphQL API at /graphql.",
    },
    security: [{ [bearerAuth]: [] }],
  });
}
