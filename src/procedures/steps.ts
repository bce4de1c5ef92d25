/**
 * What a procedure prints: each step as it starts, and each check with its evidence. A failed check stops the
 * procedure (ProcedureFailed) and the runner exits non-zero.
 */
export class ProcedureFailed extends Error {}

export class Steps {
  private count = 0;

  constructor(private readonly print: (line: string) => void) {}

  /** Runs one step of the procedure; an error thrown by it fails the procedure, said under the step. */
  async step<T>(title: string, action: () => Promise<T>): Promise<T> {
    this.print(`[${++this.count}] ${title}`);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ProcedureFailed) throw error;
      this.print(`    FAIL ${(error as Error).message}`);
      throw new ProcedureFailed(`step ${this.count} (${title}) failed: ${(error as Error).message}`);
    }
  }

  /** Prints a check and its evidence; a false check fails the procedure. */
  check(what: string, ok: boolean, evidence: string): void {
    this.print(`    ${ok ? 'ok  ' : 'FAIL'} ${what}: ${evidence}`);
    if (!ok) throw new ProcedureFailed(`check failed: ${what} (${evidence})`);
  }

  /** Information under the current step (ids, counts), not a check. */
  note(text: string): void {
    this.print(`    ${text}`);
  }

  /**
   * Asks until the answer satisfies the check, then prints it; fails with the last answer when time runs out. A
   * failure the answer shows early (`fatal`) fails at once instead of waiting out the time.
   */
  async until<T>(what: string, probe: () => Promise<T>, options: { holds: (value: T) => boolean; evidence: (value: T) => string; fatal?: (value: T) => boolean; timeoutMs: number; everyMs?: number }): Promise<T> {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const value = await probe();
      const holds = options.holds(value);
      if (holds || Date.now() > deadline || options.fatal?.(value)) {
        this.check(what, holds, holds ? options.evidence(value) : `${options.evidence(value)} (after ${Math.round((options.timeoutMs - (deadline - Date.now())) / 100) / 10} s)`);
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 250));
    }
  }
}
