import { GraphQLError } from 'graphql';
import { Writable } from 'node:stream';
import { DomainError, ErrorCode, InputError } from '../../src/common/errors';
import { createErrorFormatter } from '../../src/graphql/errors';
import { createLogger } from '../../src/log/logger';

function setup(production: boolean) {
  const lines: string[] = [];
  const destination = new Writable({ write: (c, _e, cb) => (lines.push(c.toString()), cb()) });
  return { lines, format: createErrorFormatter({ production, logger: createLogger({ level: 'info', destination }) }) };
}

const wrap = (error: Error) => new GraphQLError(error.message, { path: ['registerDockerHost'], originalError: error });

describe(createErrorFormatter.name, () => {
  it('gives a domain error its code and field', () => {
    const error = wrap(new InputError('syncIntervalSeconds', 'must be a whole number from 30 to 3600'));
    expect(setup(true).format(error.toJSON(), error)).toMatchObject({
      message: 'syncIntervalSeconds must be a whole number from 30 to 3600',
      extensions: { code: 'BAD_USER_INPUT', field: 'syncIntervalSeconds' },
    });
  });

  it('masks an unknown error in production and logs it with its path', () => {
    const { lines, format } = setup(true);
    const error = wrap(new Error('relation "secret_table" does not exist'));
    const formatted = format(error.toJSON(), error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['registerDockerHost'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.join('')).toContain('secret_table');
    expect(JSON.parse(lines[0]!)).toMatchObject({ path: ['registerDockerHost'], msg: 'unexpected error in GraphQL operation' });
  });

  it('keeps the message of an unknown error in development, still coded', () => {
    const error = wrap(new Error('boom'));
    expect(setup(false).format(error.toJSON(), error)).toMatchObject({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes GraphQL validation errors through', () => {
    const error = new GraphQLError('Cannot query field "nam"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(setup(true).format(error.toJSON(), error).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('passes a domain error thrown directly (not wrapped)', () => {
    const error = new DomainError(ErrorCode.TLS_ERROR, 'handshake failed');
    expect(setup(true).format({ message: error.message }, error).extensions?.code).toBe('TLS_ERROR');
  });
});
