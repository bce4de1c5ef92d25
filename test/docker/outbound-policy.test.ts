import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pack } from 'tar-stream';
import { ImageOperation } from '../../src/images/image-operation.entity';
import { BuildImageDocument, ImageOperationProgressDocument, PullImageDocument, PushImageDocument, type ImageOperationProgressSubscription } from '../generated/graphql';
import { TestServer, newAccountId, registerFleetHost } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector } from '../support/wait';

const SECRET = 'TOP-SECRET-internal-body-7f3a';

/** A service on the Docker host's loopback that is not a registry: it answers everything with a secret-looking body. */
async function startSecretService(status: number): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const service = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(SECRET);
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  return { port: (service.address() as AddressInfo).port, requests, close: () => new Promise((resolve) => service.close(() => resolve())) };
}

async function tarOf(files: Record<string, string>): Promise<string> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => archive.on('end', resolve));
  for (const [name, content] of Object.entries(files)) archive.entry({ name }, content);
  archive.finalize();
  await ended;
  return Buffer.concat(chunks).toString('base64');
}

/**
 * The main fleet daemon shares the test's network namespace, so 127.0.0.1 is the same loopback for both: exactly the
 * position a pull or build must not be able to read from.
 */
describe('requests made from the daemon\'s network position', () => {
  describe('without the destination in OUTBOUND_ALLOW', () => {
    let server: TestServer;
    let service: Awaited<ReturnType<typeof startSecretService>>;
    const accountId = newAccountId();
    let token: string;
    let hostId: string;
    beforeAll(async () => {
      service = await startSecretService(200);
      server = await TestServer.start();
      token = await server.token({ accountId });
      hostId = await registerFleetHost(server, token, 'socket', 'outbound-refused');
    });
    afterAll(async () => {
      await server?.close();
      await service?.close();
    });

    const operations = () => server.app.orm.em.fork().count(ImageOperation, { accountId });

    it('refuses a pull or push of 127.0.0.1:<port>/x before Docker is asked: no operation row, no request reaches the service', async () => {
      const variables = { hostId, reference: `127.0.0.1:${service.port}/x:1`, wait: true };
      for (const refused of [await server.request(PullImageDocument, variables, token), await server.request(PushImageDocument, variables, token)]) {
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'reference' });
        expect(refused.errors?.[0]?.message).toBe(`reference: registry 127.0.0.1:${service.port} is on a loopback address (127.0.0.1): the Docker host would reach its own network; refused unless OUTBOUND_ALLOW lists it`);
        expect(refused.data).toBeNull();
      }
      const localhost = await server.request(PullImageDocument, { hostId, reference: `localhost:${service.port}/x`, wait: true }, token);
      expect(localhost.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'reference' });
      expect(await operations()).toBe(0);
      expect(service.requests).toEqual([]);
    });

    it('refuses builds that would fetch from loopback: ADD <url>, FROM <registry>, COPY --from, inside a tar context too', async () => {
      const tags = ['fleet/outbound-refused:1'];
      const build = (input: Record<string, unknown>) => server.request(BuildImageDocument, { hostId, input: { tags, ...input }, wait: true }, token);

      const add = await build({ dockerfile: `FROM fleet/busybox:latest\nADD http://127.0.0.1:${service.port}/secret /secret\n` });
      expect(add.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'dockerfile' });
      expect(add.errors?.[0]?.message).toMatch(new RegExp(`^dockerfile: Dockerfile line 2 \\(ADD\\): http://127.0.0.1:${service.port} is on a loopback address`));

      const from = await build({ dockerfile: `FROM 127.0.0.1:${service.port}/img:1\nRUN true\n` });
      expect(from.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'dockerfile' });
      expect(from.errors?.[0]?.message).toMatch(/^dockerfile: Dockerfile line 1 \(FROM\): registry 127\.0\.0\.1:\d+ is on a loopback address/);

      const hidden = await build({ dockerfile: 'ARG SRC=http://public.example/x\nFROM fleet/busybox:latest\nARG SRC\nADD \\\n  $SRC /x\n', buildArgs: { SRC: `http://127.0.0.1:${service.port}/secret` } });
      expect(hidden.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'dockerfile' }, message: expect.stringMatching(/^dockerfile: Dockerfile line 4 \(ADD\)/) });

      const copyFrom = await build({ dockerfile: `FROM fleet/busybox:latest\nCOPY --from=127.0.0.1:${service.port}/tools:1 /bin/sh /sh\n` });
      expect(copyFrom.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'dockerfile' });

      const tar = await build({ contextTarBase64: await tarOf({ './Dockerfile': `from fleet/busybox:latest\nadd ["http://[::ffff:127.0.0.1]:${service.port}/secret", "/s"]\n` }) });
      expect(tar.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'contextTarBase64' }, message: expect.stringMatching(/^contextTarBase64: Dockerfile line 2 \(ADD\): .* loopback/) });

      const unknown = await build({ dockerfile: 'FROM fleet/busybox:latest\nADD http://${TARGET}/x /x\n' });
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'dockerfile' }, message: expect.stringContaining('uses $TARGET') });

      expect(await operations()).toBe(0);
      expect(service.requests).toEqual([]);
    });
  });

  describe('with the destination allowed, an answer that is not a registry\'s', () => {
    let server: TestServer;
    let service: Awaited<ReturnType<typeof startSecretService>>;
    let token: string;
    let hostId: string;
    beforeAll(async () => {
      service = await startSecretService(404);
      server = await TestServer.start({ OUTBOUND_ALLOW: `127.0.0.1:5000,127.0.0.1:5001,127.0.0.1:${service.port}` });
      token = await server.token();
      hostId = await registerFleetHost(server, token, 'socket', 'outbound-allowed');
    });
    afterAll(async () => {
      await server?.close();
      await service?.close();
    });

    /** Runs the operation to its end with a live progress subscription; returns every message and the final one. */
    async function run(start: () => Promise<{ id: string }>) {
      const client = server.wsClient({ authorization: `Bearer ${token}` });
      try {
        const operation = await start();
        const progress = new Collector<ImageOperationProgressSubscription>(subscribe(client, ImageOperationProgressDocument, { operationId: operation.id }));
        const done = await progress.waitFor((m) => m.imageOperationProgress.done, { what: 'the operation to end', timeoutMs: 60_000 });
        return { all: JSON.stringify(progress.messages), done: done.imageOperationProgress };
      } finally {
        await client.dispose();
      }
    }

    it('fails a pull with a short classified error that never echoes the body; the body is in the server log only', async () => {
      const reference = `127.0.0.1:${service.port}/x:1`;
      const { all, done } = await run(async () => (await server.ok(PullImageDocument, { hostId, reference }, token)).pullImage);
      expect(done).toMatchObject({ status: 'FAILED', errorCode: 'NOT_FOUND', error: `pulling ${reference}: registry 127.0.0.1:${service.port} answered HTTP 404` });
      expect(service.requests.length).toBeGreaterThan(0); // the daemon really asked it
      expect(all).not.toContain(SECRET);
      expect(server.logs.join('')).toContain(SECRET);
    });

    it('fails a build whose ADD gets an error page, without the page in the error or the progress', async () => {
      const dockerfile = `FROM fleet/busybox:latest\nADD http://127.0.0.1:${service.port}/secret /secret\n`;
      const { all, done } = await run(async () => (await server.ok(BuildImageDocument, { hostId, input: { tags: ['fleet/outbound-allowed:1'], dockerfile } }, token)).buildImage);
      expect(done).toMatchObject({ status: 'FAILED', errorCode: 'NOT_FOUND', error: `building fleet/outbound-allowed:1: 127.0.0.1:${service.port} answered HTTP 404` });
      expect(service.requests).toContain('GET /secret');
      expect(all).toContain('Step 2/2 : ADD');
      expect(all).not.toContain(SECRET);
    });
  });
});
