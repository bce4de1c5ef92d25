import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// test/support under ts-jest, dist/test/support when compiled (the soak): the project root either way.
const root = [path.resolve(__dirname, '../..'), path.resolve(__dirname, '../../..')].find((dir) => existsSync(path.join(dir, 'package.json')))!;

/** Compiles to dist (incremental: near free when nothing changed), so process tests run what `npm start` runs. */
export function buildDist(): void {
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), [], { cwd: root, stdio: 'inherit' });
}

export interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first stdout line matching, or rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

export function runNode(script: string, env: Record<string, string | undefined>): RunningProcess {
  const child = spawn(process.execPath, [path.join(root, script)], { cwd: root, env: env as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
        const check = () => {
          const match = pattern.exec(out);
          if (match) finish(undefined, match);
        };
        const onExit = () => finish(new Error(`process exited before ${pattern}; stdout:\n${out}\nstderr:\n${err}`));
        function finish(error?: Error, match?: RegExpMatchArray) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(match!);
        }
        child.stdout.on('data', check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}
