import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestServer } from './harness';

export interface RestAnswer<T = any> {
  status: number;
  body: T;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
}

/**
 * A REST client for tests that checks every answer against the server's own /api/v1/openapi.json: the status must be
 * one the operation documents and the body must match its schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
export class RestClient {
  readonly origin: string;
  private document?: OpenApiDocument;
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();
  /** `METHOD /path/{template} status` of every answer checked, for a test to see that each route was exercised. */
  readonly checked = new Set<string>();

  constructor(server: TestServer) {
    this.origin = new URL(server.url).origin;
  }

  async openApi(): Promise<OpenApiDocument> {
    if (!this.document) {
      const response = await fetch(`${this.origin}/api/v1/openapi.json`);
      if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
      this.document = (await response.json()) as OpenApiDocument;
      this.ajv.addSchema({ ...this.document, $id: 'openapi.json' } as object);
    }
    return this.document;
  }

  async call<T = any>(method: string, url: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<RestAnswer<T>> {
    const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(new URL(url, this.origin), { method, headers, body });
    const answer = { status: response.status, body: (await response.json()) as T };
    await this.conform(method, new URL(url, this.origin).pathname, answer);
    return answer;
  }

  /** Fails unless the answer is documented for this route and matches its schema. */
  async conform(method: string, pathname: string, answer: RestAnswer): Promise<void> {
    const document = await this.openApi();
    const template = Object.keys(document.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
    if (!template) throw new Error(`${method} ${pathname}: no such path in openapi.json`);
    const operation = document.paths[template]![method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${template}: no such operation in openapi.json`);
    const status = String(answer.status);
    if (!operation.responses[status]) throw new Error(`${method} ${template} answered ${status}, which openapi.json does not document: ${JSON.stringify(answer.body)}`);
    const pointer = ['paths', template, method.toLowerCase(), 'responses', status, 'content', 'application/json', 'schema'].map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    const key = `${method.toUpperCase()} ${template} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajv.compile({ $ref: `openapi.json#/${pointer}` })));
    if (!validate(answer.body)) throw new Error(`${key}: the body does not match openapi.json: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body)}`);
    this.checked.add(key);
  }
}

/** Runs @seriousme/openapi-schema-validator (ESM only, so through its CLI) on a document: its verdict and errors. */
export async function validateOpenApiDocument(document: unknown): Promise<{ valid: boolean; errors?: unknown }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, file]);
    return JSON.parse(stdout) as { valid: boolean };
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as { valid: boolean; errors: unknown };
    throw error;
  }
}

/** One curl command line as a runbook writes it: method, URL, headers and body, shell-quoted. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Parses the runbook's curl lines (`curl -X POST URL \ -H "K: V" \ -d '...'`, line continuations flattened to ` \ `):
 * single- and double-quoted words as a shell reads them, nothing interpolated.
 */
export function parseCurl(line: string): CurlRequest {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(match[1] ?? match[2]?.replace(/\\(.)/g, '$1') ?? match[3]!);
  if (words.shift() !== 'curl') throw new Error(`not a curl line: ${line}`);
  const request: CurlRequest = { method: 'GET', url: '', headers: {} };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '\\') continue;
    if (word === '-X') request.method = words[++i]!;
    else if (word === '-H') {
      const header = words[++i]!;
      request.headers[header.slice(0, header.indexOf(':')).trim().toLowerCase()] = header.slice(header.indexOf(':') + 1).trim();
    } else if (word === '-d' || word === '--data') {
      request.body = words[++i]!;
      if (request.method === 'GET') request.method = 'POST';
    } else if (!request.url && /^https?:\/\//.test(word)) request.url = word;
    else throw new Error(`curl word not understood: ${word}`);
  }
  return request;
}

/**
 * Sends a runbook curl line to the test server: only the API's origin changes, `<jwt>` becomes a real token, and each
 * `replace` pair is applied to the body and the path.
 */
export async function runCurl(client: RestClient, line: string, options: { token: string; replace?: Array<[string, string]> }): Promise<RestAnswer> {
  const request = parseCurl(line);
  let path = new URL(request.url).pathname;
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, v.replace('<jwt>', options.token)]));
  let body = request.body;
  for (const [from, to] of options.replace ?? []) {
    body = body?.replace(from, to);
    // The runbook's path placeholders (`:id`, `:previous_id`) become real ids.
    path = path.replace(from, to);
  }
  return client.call(request.method, `${path}${new URL(request.url).search}`, { rawBody: body, headers });
}
