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
// The first screen is drawn at once, while a kept session is restored: its
// reads go out in parallel with the refresh and are answered as to anyone;
// when the session arrives, the screens read again and the signed-in parts
// appear. Screens that need a session wait for the restore (`restoring`).
void api.restore();
render(<App />, document.getElementById('app')!);
