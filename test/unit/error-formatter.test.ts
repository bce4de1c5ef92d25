import { GraphQLError, parse, Source, type FieldNode, type ObjectValueNode, type OperationDefinitionNode } from 'graphql';
import { Writable } from 'node:stream';
import { DomainError, ErrorCode, InputError } from '../../src/common/errors';
import { DriverException } from '@mikro-orm/core';
import { createErrorFormatter, errorCodeOf } from '../../src/graphql/errors';
import { createLogger } from '../../src/log/logger';
import { ComposeError } from '../../src/stacks/compose';

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

  it("passes a compose file's problems through, one by one with path and line", () => {
    const error = wrap(new ComposeError([{ path: 'services.web.deploy.replicas', line: 5, message: 'must be an integer' }]));
    expect(setup(true).format(error.toJSON(), error)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'compose', problems: [{ path: 'services.web.deploy.replicas', line: 5, message: 'must be an integer' }] },
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

  // graphql-js 16 words a variable that does not coerce like this; over HTTP Apollo wraps it with its code.
  const coercion = (variable: string, at: string) => {
    const scalar = new GraphQLError('String cannot represent a non string value: 5');
    return new GraphQLError(`Variable "$${variable}" got invalid value 5 at "${at}"; ${scalar.message}`, { originalError: scalar });
  };

  it('names the variable path of a coercion error over HTTP (Apollo-wrapped) and WebSocket (bare) alike', () => {
    const { format } = setup(true);
    const bare = coercion('input', 'input.name');
    const wrapped = new GraphQLError(bare.message, { originalError: bare, extensions: { code: 'BAD_USER_INPUT' } });
    for (const error of [wrapped, bare]) {
      expect(format(error.toJSON(), error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(errorCodeOf(error)).toBe('BAD_USER_INPUT');
    }
  });

  it('names the variable itself when it is wrong or missing as a whole', () => {
    const error = new GraphQLError('Variable "$id" of required type "ID!" was not provided.');
    expect(setup(true).format(error.toJSON(), error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('gives the request log the code the client got for a validation error Apollo wrapped', () => {
    const inner = new GraphQLError('Cannot query field "nam" on type "Container".');
    const wrapped = new GraphQLError(inner.message, { originalError: inner, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(errorCodeOf(wrapped)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCodeOf(new GraphQLError('Syntax Error: Unexpected "}".', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }))).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorCodeOf(wrap(new InputError('first', 'must be between 0 and 500')))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(wrap(new Error('boom')))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('never shows or logs the SQL of a database error, in development either', () => {
    const { lines, format } = setup(false);
    const pg = Object.assign(new Error('insert into "containers" ("labels") values (\'{"secret":"hunter2"}\') - value too long for type character varying(256)'), { code: '22001', table: 'containers' });
    const error = wrap(new DriverException(pg));
    const formatted = format(error.toJSON(), error);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).toContain('SQLSTATE 22001');
    expect(JSON.stringify(formatted)).not.toContain('hunter2');
    expect(lines.join('')).toContain('22001');
    expect(lines.join('')).not.toContain('hunter2');
  });

  it('names the argument path of a literal value the document spells wrong, as bad input', () => {
    const source = new Source('{ containers(first: 1, filter: { label: "a", state: NAPPING }) { totalCount } }');
    const document = parse(source);
    const value = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
    const stateNode = (value.arguments![1]!.value as ObjectValueNode).fields[1]!.value;
    const error = new GraphQLError('Value "NAPPING" does not exist in "ContainerState" enum.', { nodes: stateNode });
    expect(setup(true).format(error.toJSON(), error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.state' });
    const onField = new GraphQLError('Cannot query field "nope"', { nodes: value });
    expect(setup(true).format(onField.toJSON(), onField).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
