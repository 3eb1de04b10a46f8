import { render } from 'preact';
import '@fontsource/titillium-web/latin-400.css';
import '@fontsource/titillium-web/latin-600.css';
import '@fontsource/titillium-web/latin-700.css';
import './styles/main.scss';
import { api } from './api/client';
import { lang } from './i18n';
import { interceptLinks } from './router';
import { App } from './App';

document.documentElement.lang = lang();
interceptLinks();
// A kept session is restored before the first render, so the first screen
// is already the signed-in one.
api.restore().finally(() => render(<App />, document.getElementById('app')!));
