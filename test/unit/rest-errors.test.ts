import { z } from 'zod';
import { ConflictError, DomainError, ErrorCode, InputError, NotFoundError } from '../../src/common/errors';
import { snakeCase, toRestError } from '../../src/rest/rest.errors';

const inBody = (field: string) => `host.${snakeCase(field)}`;

describe(toRestError.name, () => {
  it('gives each domain code its HTTP status, keeping the code and message', () => {
    const cases: Array<[DomainError, number]> = [
      [new DomainError(ErrorCode.UNAUTHENTICATED, 'token expired'), 401],
      [new DomainError(ErrorCode.FORBIDDEN, 'missing permission'), 403],
      [new NotFoundError('DockerHost', 'x'), 404],
      [new ConflictError('name taken'), 409],
      [new DomainError(ErrorCode.QUOTA_EXCEEDED, 'over'), 409],
      [new DomainError(ErrorCode.HOST_UNAVAILABLE, 'pending'), 503],
      [new DomainError(ErrorCode.VAULT_UNAVAILABLE, 'sealed'), 503],
      [new DomainError(ErrorCode.TLS_ERROR, 'unknown ca'), 503],
    ];
    for (const [error, status] of cases) expect(toRestError(error, snakeCase)).toEqual({ status, body: { error: { code: error.code, message: error.message } } });
  });

  it("names a manager's rule by the body's field: 422 on writes, 400 on reads", () => {
    const error = new InputError('tlsCredentials.key', 'does not match tlsCredentials.cert');
    expect(toRestError(error, inBody)).toEqual({ status: 422, body: { error: { code: 'BAD_USER_INPUT', message: 'host.tls_credentials.key does not match tlsCredentials.cert', field: 'host.tls_credentials.key' } } });
    expect(toRestError(new InputError('after', 'is not a valid cursor'), snakeCase, 400)?.body.error).toEqual({ code: 'BAD_USER_INPUT', message: 'cursor is not a valid cursor', field: 'cursor' });
  });

  it('answers a schema miss 400 naming the path, and an unknown key by its own name', () => {
    const schema = z.object({ host: z.object({ name: z.string(), ports: z.array(z.number()) }).strict() });
    const wrongType = schema.safeParse({ host: { name: 'x', ports: [1, 'two'] } });
    expect(toRestError(wrongType.error, snakeCase)?.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'host.ports[1]' });
    const unknown = schema.safeParse({ host: { name: 'x', ports: [], colour: 'red' } });
    expect(toRestError(unknown.error, snakeCase)).toMatchObject({ status: 400, body: { error: { field: 'host.colour' } } });
  });

  it('leaves anything else to the caller (a bug: logged, then masked as 500)', () => {
    expect(toRestError(new Error('boom'), snakeCase)).toBeNull();
  });
});
