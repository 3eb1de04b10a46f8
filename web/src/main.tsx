import { render } from 'preact';
import '@fontsource/titillium-web/latin-400.css';
import '@fontsource/titillium-web/latin-600.css';
import '@fontsource/titillium-web/latin-700.css';
import './styles/main.scss';
import { api } from './api/client';
import { lang, loadMessages } from './i18n';
import { interceptLinks, match } from './router';
import { loadScreen } from './routes';
import { App } from './App';

document.documentElement.lang = lang();
interceptLinks();
// The first screen is drawn as soon as the catalogue of the user's language
// is here, while a kept session is restored: its reads go out in parallel
// with the refresh and are answered as to anyone; when the session
// arrives, the screens read again and the signed-in parts appear. Screens
// that need a session wait for the restore (`restoring`). The first
// screen's chunk loads together with the catalogue.
void api.restore();
const first = match(window.location.pathname);
if (first) void loadScreen(first.name).catch(() => undefined);
const draw = () => {
  const root = document.getElementById('app')!;
  // A public page arrives rendered by the server (crates/server/src/public_pages.rs),
  // readable before and without this script; the app draws it anew, in place.
  root.replaceChildren();
  render(<App />, root);
};
// Without its catalogue (the network failed) the app still draws, naming its messages by their keys.
loadMessages().then(draw, draw);
