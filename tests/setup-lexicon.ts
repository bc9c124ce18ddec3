// Tests check as the CLI and the background do: with the built-in word lists installed (lib/rules/lexicon.ts).
// The content script's own path (lists sent by the background) is tested in tests/unit/content/lexicon.test.ts.
import '../lib/rules/lexicon-bundled';
// And word findings and routes in English from the catalog the browser reads (cli/catalog.ts), as the CLI does.
import { installMessages } from '../lib/i18n/messages';
import { messagesOf } from '../cli/catalog';

installMessages(messagesOf('en'));
