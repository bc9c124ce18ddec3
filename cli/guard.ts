/**
 * `guard`: Policy Guard's checks from the command line. Run as `npm run --silent guard -- <command>`;
 * `guard --help` lists the commands.
 */
import { runGuard } from './main';

process.exitCode = await runGuard(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
