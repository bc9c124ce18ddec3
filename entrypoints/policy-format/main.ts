/**
 * The policy file format's documentation as a page of the extension, so a school's IT reads it where they
 * use it (the options page links here). The text is docs/policy-format.md, bundled at build time: one
 * source for the repository and the extension. It is our own file, never anything from a web page.
 */
import '../../components/pages.css';
import { marked } from 'marked';
import { browser } from 'wxt/browser';
import format from '../../docs/policy-format.md?raw';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('formatTitle') || document.title;
const app = document.getElementById('app')!;
// Parsed from the bundled Markdown (trusted, ours); marked escapes text and makes plain HTML.
app.innerHTML = marked.parse(format, { async: false, gfm: true });
