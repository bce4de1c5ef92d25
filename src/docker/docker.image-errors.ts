import { DomainError, ErrorCode } from '../common/errors';

/**
 * Docker copies what a remote server answered into its error text: "error parsing HTTP 404 response body: ...:
 * \"<the body>\"" for a registry that is not one, "ADD failed: failed to GET <url> with status 404 Not Found: <the
 * body>" for a build's ADD. Those tails are cut before anything reads the text.
 */
const BODY_TAILS: ReadonlyArray<[RegExp, string]> = [
  [/(with status \d{3})[^:]*:[\s\S]*$/, '$1'],
  [/(error parsing HTTP \d{3} response body)[\s\S]*$/, '$1'],
  [/(invalid character)[\s\S]*$/, '$1'],
];

/**
 * Failures the Engine reports about the caller's own input or build steps (a RUN's exit code, a Dockerfile syntax
 * error, a file missing from the context): Docker's words are kept, since they only repeat what the caller sent.
 */
const OWN = /returned a non-zero code|did not complete successfully|dockerfile parse error|unknown instruction|file not found in build context|cannot locate specified dockerfile|failed to process|forbidden path outside the build context|no source files were specified|does not exist locally|no such image|invalid reference format|repository name must/i;

const RULES: ReadonlyArray<[RegExp, ErrorCode, (peer: string) => string]> = [
  [/unauthorized|authentication required|no basic auth credentials|denied/i, ErrorCode.REGISTRY_AUTH_FAILED, (peer) => `${peer} refused access: set its credentials with setRegistryCredential`],
  [/not found|manifest unknown|does not exist|no such/i, ErrorCode.NOT_FOUND, (peer) => `not found at ${peer}`],
  [/server gave HTTP response to HTTPS client|x509|tls:|certificate/i, ErrorCode.DOCKER_API_ERROR, (peer) => `TLS with ${peer} failed (not HTTPS, or a certificate the daemon does not trust)`],
  [/connection refused|no such host|i\/o timeout|network is unreachable|no route to host|deadline exceeded|connection reset|\bEOF\b/i, ErrorCode.DOCKER_API_ERROR, (peer) => `${peer} could not be reached from the Docker host`],
  [/unmarshalling content|invalid character|response body/i, ErrorCode.DOCKER_API_ERROR, (peer) => `${peer} did not answer as a registry does`],
];

/**
 * A failed pull, push or build as a short message in our own words, with a code a client can act on: "pulling
 * 10.0.0.5:8080/x:1: 10.0.0.5:8080 answered HTTP 404". Nothing a foreign service sent is echoed to the caller (a
 * build or pull must not become a way to read what answers on the daemon's network); the Engine's full text goes to
 * `details.engineMessage`, for the server log only.
 */
export function imageFailure(doing: string, engineMessage: string, peerOf: string | null = null): DomainError {
  const head = BODY_TAILS.reduce((text, [pattern, keep]) => text.replace(pattern, keep), engineMessage.trim());
  const details = { engineMessage };
  const rule = RULES.find(([pattern]) => pattern.test(head));
  if (OWN.test(head)) return new DomainError(rule?.[1] ?? ErrorCode.DOCKER_API_ERROR, `${doing}: ${head.slice(0, 500)}`, details);
  const peer = /https?:\/\/([^/"\s]+)/i.exec(head)?.[1] ?? (peerOf ? `registry ${peerOf}` : 'the registry');
  const status = /(?:HTTP|status(?: code)?:?) (\d{3})\b/i.exec(head)?.[1];
  // An auth refusal is a 401 too: its code says more than the status does.
  if (status && rule?.[1] !== ErrorCode.REGISTRY_AUTH_FAILED) return new DomainError(status === '404' ? ErrorCode.NOT_FOUND : ErrorCode.DOCKER_API_ERROR, `${doing}: ${peer} answered HTTP ${status}`, details);
  if (rule) return new DomainError(rule[1], `${doing}: ${rule[2](peer)}`, details);
  return new DomainError(ErrorCode.DOCKER_API_ERROR, `${doing}: failed (the Engine's message is in the server log)`, details);
}
