// Runs once before the e2e tests: checks that dist/ is built and builds the release renewal-cli,
// whose traces are the expected values the browser is checked against.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../..');
  if (!existsSync(resolve(root, process.env.E2E_DIST ?? 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release --offline` first (scripts/test.sh does).');
  }
  if (!process.env.RENEWAL_CLI) {
    const env = { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}:${process.env.PATH ?? ''}` };
    execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'renewal-cli'], { cwd: root, env, stdio: 'inherit' });
    process.env.RENEWAL_CLI = join(root, 'target', 'release', 'renewal-cli');
  }
  if (!existsSync(process.env.RENEWAL_CLI)) throw new Error(`renewal-cli not found at ${process.env.RENEWAL_CLI}`);
}
