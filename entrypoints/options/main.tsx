import '../../components/pages.css';
import './options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { message } from '../../components/i18n';
import { installMessages } from '../../lib/i18n/messages';

// The options page's "try it" words findings in the browser's language, from its catalog (lib/i18n/messages.ts).
installMessages(message);

// The page's language is the browser's, so screen readers read Welsh text as Welsh.
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
