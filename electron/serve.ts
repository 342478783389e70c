// `npm run serve [CONTRACT.yaml]`: the workbench in a browser, served on 127.0.0.1 with a per-run token.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWorkbench } from './engine/createWorkbench';
import { UserError } from './engine/UserError';
import { createHttpServer } from './serve/createHttpServer';
import { ensureRendererBuilt } from './serve/ensureRendererBuilt';
import { findWorkbenchHome } from './shell/findWorkbenchHome';
import { findWorkspace } from './shell/findWorkspace';
import { PIPELINE_SAMPLE_CONTRACT, SAMPLE_CONTRACT } from './shell/SAMPLE_CONTRACT';

const USAGE = 'usage: npm run serve [CONTRACT.recon.yaml]   (the sample investigation when none is given)';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 1) throw new UserError(`one contract at most\n${USAGE}`);
  const [contract] = positionals;
  ensureRendererBuilt(projectRoot);
  const workbench = await createWorkbench({
    home: findWorkbenchHome(),
    workspace: findWorkspace(),
    sampleContract: path.join(projectRoot, 'samples', SAMPLE_CONTRACT),
    pipelineSampleContract: path.join(projectRoot, 'samples', PIPELINE_SAMPLE_CONTRACT),
  });
  try {
    const session = contract ? await workbench.openContract(path.resolve(contract)) : await workbench.openSample();
    process.stderr.write(`[recon] opened ${session.title} (${session.contractPath})\n`);
  } catch (error) {
    await workbench.close();
    throw error;
  }
  // 32 random bytes: guessing it is out of reach, and it changes on every run.
  const token = randomBytes(32).toString('base64url');
  const shell = await createHttpServer({ workbench, rendererDir: path.join(projectRoot, 'out/renderer'), token });
  process.stdout.write(`${shell.origin}#token=${token}\n`);
  process.stderr.write('[recon] open the address above in a browser; Ctrl+C stops the server\n');
  const stop = () => {
    // An import under way holds its request open, and the server waits for open requests: closing the workbench
    // cancels it, so it stops within a second, and closes the databases once it has rolled back.
    const closed = workbench.close();
    void shell.close().finally(() => closed.finally(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`recon serve: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!(error instanceof UserError) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
