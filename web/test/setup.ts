// The catalogue is loaded per language and per part in the app
// (i18n/index.ts); the unit tests draw screens in both languages, so both
// languages' parts are loaded before any test runs.
import { languages, loadMessages, type Part } from '../src/i18n';

const parts: Part[] = ['main', 'staff'];
await Promise.all(languages.flatMap((l) => parts.map((p) => loadMessages(p, l))));
