import { FleetClient } from '../client';
import { addHost } from './add-host.procedure';
import { deployStack } from './deploy-stack.procedure';
import { parseProcedure, UsageError, USAGE } from './procedure.args';
import { runInstance } from './run-instance.procedure';
import { Steps } from './steps';
import { verify } from './verify.procedure';

/**
 * `npm run procedure -- <name> [options]`: one of the runbook's procedures against a running API, each step and
 * check printed. The last line is `OK <name> {ids as JSON}` (exit 0) or `FAILED <name>: why` (exit 1; 2 for bad usage).
 */
export async function runProcedure(argv: string[], env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parseProcedure>;
  try {
    parsed = parseProcedure(argv, env);
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { call, url, token } = parsed;
  const client = new FleetClient({ url, token });
  const steps = new Steps(print);
  print(`${call.name} against ${url}`);
  try {
    const result =
      call.name === 'add-host' ? await addHost(client, steps, call.options)
      : call.name === 'deploy-stack' ? await deployStack(client, steps, call.options)
      : call.name === 'run-instance' ? await runInstance(client, steps, call.options)
      : await verify(client, steps, call.options);
    print(`OK ${call.name} ${JSON.stringify(result)}`);
    return 0;
  } catch (error) {
    print(`FAILED ${call.name}: ${(error as Error).message}`);
    return 1;
  } finally {
    await client.close();
  }
}

if (require.main === module) {
  runProcedure(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then((code) => process.exit(code));
}
