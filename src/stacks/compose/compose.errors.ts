import { DomainError, ErrorCode } from '../../common/errors';

/** One thing wrong with a compose file: where (the key path and its line) and what. */
export interface ComposeProblem {
  /** Dotted key path, list items as `[i]`: `services.web.ports[0].target`; '' for the file as a whole. */
  path: string;
  line?: number;
  message: string;
}

export function describeProblem(problem: ComposeProblem): string {
  const line = problem.line !== undefined ? (problem.path ? `(line ${problem.line})` : `line ${problem.line}`) : '';
  const where = [problem.path, line].filter(Boolean).join(' ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/**
 * A compose file that cannot be deployed: BAD_USER_INPUT on the field `compose`, every problem found listed in the
 * message (a user fixes them all in one round) and in `details.problems` for callers that want them one by one.
 */
export class ComposeError extends DomainError {
  constructor(readonly problems: ComposeProblem[]) {
    const listed = problems.map(describeProblem);
    const message = listed.length === 1 ? `compose is invalid: ${listed[0]}` : `compose has ${listed.length} problems: ${listed.join('; ')}`;
    super(ErrorCode.BAD_USER_INPUT, message, { field: 'compose', problems });
    this.name = 'ComposeError';
  }
}
