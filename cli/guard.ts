/**
 * `guard`: Policy Guard's checks from the command line. Run as `npm run --silent guard -- <command>`;
 * `guard --help` lists the commands.
 */
import { installMessages } from '../lib/i18n/messages';
import { messagesOf } from './catalog';
import { runGuard } from './main';

// Findings and routes are worded in English from the catalog the browser reads, unless a command says otherwise.
installMessages(messagesOf('en'));

process.exitCode = await runGuard(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
