import type Docker from 'dockerode';
import { DomainError } from '../common/errors';
import type { RegistryAuth } from './docker.types';

export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  /** X-Registry-Auth, for the pulls managers and workers make for a service. */
  auth?: RegistryAuth | null;
  stream?: boolean;
}

/**
 * One Engine request with exactly this query and body. dockerode 5's swarm methods (service.update, swarmUpdate,
 * node.update...) hand their options to docker-modem as `options`, which it sends as the query string AND the JSON
 * body unless `_query`/`_body` are given: a whole service spec JSON-encoded into the URL. And its createService drops
 * the Engine's Warnings (it answers a Service handle). Any 2xx is success; everything else comes back as docker-modem's
 * error (statusCode, json), which the pool maps.
 */
export function dial(docker: Docker, request: EngineRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `${request.path}?`,
        method: request.method,
        // `_query` must be present even when empty: without it docker-modem would encode `options` itself as the query.
        options: { _query: request.query ?? {}, _body: request.body ?? {} },
        authconfig: request.auth ?? undefined,
        isStream: Boolean(request.stream),
        statusCodes: { 200: true, 201: true, 204: true },
      },
      (error: unknown, data: unknown) => (error ? reject(error) : resolve(data)),
    );
  });
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Null for the Engine's 404 (the object is not, or no longer, there). */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DomainError && error.details.statusCode === 404) return null;
    throw error;
  }
}

/** An id or name as a path segment: ids come from callers, and a `/` or `?` must not reach another endpoint. */
export function enc(id: string): string {
  return encodeURIComponent(id);
}

/** Swarm ids are 25 characters of [0-9a-z]; the first 12 name them in messages, as the docker CLI does. */
export function short(id: string): string {
  return id.length > 12 && /^[0-9a-z]+$/.test(id) ? id.slice(0, 12) : id;
}
