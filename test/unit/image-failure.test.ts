import { imageFailure } from '../../src/docker/docker.image-errors';

/** Error texts as Docker 20.10 sends them (seen on the fleet), some quoting what the remote server answered. */
describe(imageFailure.name, () => {
  const failure = (message: string, doing = 'pulling 10.0.0.5:8080/x:1', registry: string | null = '10.0.0.5:8080') => {
    const error = imageFailure(doing, message, registry);
    return { code: error.code, message: error.message, engineMessage: error.details.engineMessage };
  };

  it.each([
    ['error parsing HTTP 404 response body: invalid character \'T\' looking for beginning of value: "TOP-SECRET"', 'NOT_FOUND', 'pulling 10.0.0.5:8080/x:1: registry 10.0.0.5:8080 answered HTTP 404'],
    ['error parsing HTTP 500 response body: unexpected end of JSON input: "unauthorized TOP-SECRET"', 'DOCKER_API_ERROR', 'pulling 10.0.0.5:8080/x:1: registry 10.0.0.5:8080 answered HTTP 500'],
    ['error unmarshalling content: invalid character \'T\' looking for beginning of value', 'DOCKER_API_ERROR', 'pulling 10.0.0.5:8080/x:1: registry 10.0.0.5:8080 did not answer as a registry does'],
    ['Get "http://10.0.0.5:8080/v2/": dial tcp 10.0.0.5:8080: connect: connection refused', 'DOCKER_API_ERROR', 'pulling 10.0.0.5:8080/x:1: 10.0.0.5:8080 could not be reached from the Docker host'],
    ['Get "https://10.0.0.5:8080/v2/": http: server gave HTTP response to HTTPS client', 'DOCKER_API_ERROR', 'pulling 10.0.0.5:8080/x:1: TLS with 10.0.0.5:8080 failed (not HTTPS, or a certificate the daemon does not trust)'],
    ['Head "https://10.0.0.5:8080/v2/x/manifests/1": no basic auth credentials', 'REGISTRY_AUTH_FAILED', 'pulling 10.0.0.5:8080/x:1: 10.0.0.5:8080 refused access: set its credentials with setRegistryCredential'],
    ['manifest for 10.0.0.5:8080/x:1 not found: manifest unknown: manifest unknown', 'NOT_FOUND', 'pulling 10.0.0.5:8080/x:1: not found at registry 10.0.0.5:8080'],
    ['something new the Engine says with TOP-SECRET in it', 'DOCKER_API_ERROR', "pulling 10.0.0.5:8080/x:1: failed (the Engine's message is in the server log)"],
  ])('classifies %j in its own words', (engine, code, message) => {
    expect(failure(engine)).toEqual({ code, message, engineMessage: engine });
  });

  it('never echoes what an ADD source answered, even when the body looks like a build error', () => {
    const engine = 'ADD failed: failed to GET http://10.0.0.5:8080/secret with status 404 Not Found: returned a non-zero code: TOP-SECRET';
    expect(failure(engine, 'building app:1', null)).toMatchObject({ code: 'NOT_FOUND', message: 'building app:1: 10.0.0.5:8080 answered HTTP 404' });
  });

  it("keeps Docker's words for failures of the caller's own build", () => {
    expect(failure("The command '/bin/sh -c exit 7' returned a non-zero code: 7", 'building app:1', null).message).toBe("building app:1: The command '/bin/sh -c exit 7' returned a non-zero code: 7");
    expect(failure('COPY failed: file not found in build context or excluded by .dockerignore: stat x: file does not exist', 'building app:1')).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('COPY failed: file not found in build context') });
    expect(failure('dockerfile parse error line 2: unknown instruction: FORM', 'building app:1').message).toBe('building app:1: dockerfile parse error line 2: unknown instruction: FORM');
  });
});
