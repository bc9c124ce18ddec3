// Tests check as the CLI and the background do: with the built-in word lists installed (lib/rules/lexicon.ts).
// The content script's own path (lists sent by the background) is tested in tests/unit/content/lexicon.test.ts.
import '../lib/rules/lexicon-bundled';
