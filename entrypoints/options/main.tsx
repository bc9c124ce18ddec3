import '../../components/pages.css';
import './options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';

// The page's language is the browser's, so screen readers read Welsh text as Welsh.
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
