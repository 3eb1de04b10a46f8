import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(process.cwd(), 'src');
import { elideBeforeDates, errorMessage, fieldMessage, formatDate, formatNumber, setLang, lang, t, tn } from '../src/i18n';
import { it as itMain } from '../src/i18n/it';
import { en as enMain } from '../src/i18n/en';
import { staff as itStaff } from '../src/i18n/it/staff';
import { staff as enStaff } from '../src/i18n/en/staff';

/** Each part of the catalogue (each a chunk per language), and the whole of each language. */
const parts = { main: { it: itMain, en: enMain }, staff: { it: itStaff, en: enStaff } } as Record<string, Record<'it' | 'en', Record<string, string>>>;
const catalogues = { it: { ...itMain, ...itStaff }, en: { ...enMain, ...enStaff } } as Record<'it' | 'en', Record<string, string>>;

describe('message catalogue', () => {
  it('has every key in both languages, part by part, none empty', () => {
    for (const [name, part] of Object.entries(parts)) expect(Object.keys(part.en).sort(), name).toEqual(Object.keys(part.it).sort());
    for (const l of ['it', 'en'] as const) for (const [k, v] of Object.entries(catalogues[l])) expect(v.trim(), `${l} ${k}`).not.toBe('');
  });

  it('keeps the staff console’s messages out of the main catalogue', () => {
    expect(Object.keys(itStaff).every((k) => k.startsWith('staff.'))).toBe(true);
    expect(Object.keys(itMain).filter((k) => k.startsWith('staff.'))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(catalogues.it)) expect(names(catalogues.en[k]), k).toEqual(names(catalogues.it[k]));
  });

  it('has a message for every problem code and field code of the API', () => {
    // The codes are found from an error answer, whatever the schemas are named:
    // the problem document's `code`, and its field errors' `code`.
    const schema = readFileSync(join(SRC, 'api', 'schema.ts'), 'utf8');
    const block = (name: string) => schema.match(new RegExp(`\\n        ${name}: \\{([\\s\\S]*?)\\n        \\};`))?.[1] ?? '';
    const ref = (text: string, field: string) => text.match(new RegExp(`\\b${field}(?:\\?)?: components\\["schemas"\\]\\["(\\w+)"\\]`))?.[1] ?? '';
    const union = (name: string) => [...(schema.match(new RegExp(` ${name}: ([^;]+);`))?.[1] ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1]);
    const problem = schema.match(/"application\/problem\+json": components\["schemas"\]\["(\w+)"\]/)?.[1] ?? '';
    expect(problem).not.toBe('');
    const codes = union(ref(block(problem), 'code'));
    expect(codes.length).toBeGreaterThan(40);
    for (const c of codes) expect(catalogues.it, c).toHaveProperty(`error.${c}`);
    const fieldSchema = block(problem).match(/\berrors\?: components\["schemas"\]\["(\w+)"\]\[\]/)?.[1] ?? '';
    const fieldCodes = union(ref(block(fieldSchema), 'code'));
    expect(fieldCodes.length).toBeGreaterThan(10);
    for (const c of fieldCodes) expect(catalogues.it, c).toHaveProperty(`field.${c}`);
  });

  it('every key the screens use exists, and only the staff console uses the staff part', () => {
    const main = new Set(Object.keys(itMain));
    const staff = new Set(Object.keys(itStaff));
    const files: { path: string; text: string }[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== 'i18n') walk(join(dir, e.name));
        else if (/\.tsx?$/.test(e.name)) files.push({ path: join(dir, e.name), text: readFileSync(join(dir, e.name), 'utf8') });
      }
    };
    walk(SRC);
    for (const { path, text } of files) {
      const inStaff = path.startsWith(join(SRC, 'staff'));
      // A key of the staff part used elsewhere would show as the key itself: that part is not loaded there.
      for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) expect(main.has(m[1]) || (inStaff && staff.has(m[1])), `${path}: ${m[1]}`).toBe(true);
      for (const m of text.matchAll(/\bt\(`(staff\.)/g)) expect(inStaff, `${path}: ${m[0]}`).toBe(true);
    }
  });

  it('keeps punctuation and arrows the user sees in the messages, not in the screens', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== 'i18n') walk(join(dir, e.name));
        else if (/\.tsx$/.test(e.name)) {
          const code = readFileSync(join(dir, e.name), 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
          code.forEach((line, i) => {
            if (/[·—←→▲▼]/.test(line)) offenders.push(`${e.name}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(SRC);
    expect(offenders).toEqual([]);
  });

  it('names audit actions from the catalogue, and an unknown one in words, never by its code', () => {
    setLang('it');
    expect(t('audit.action.other')).toBe('Altra azione');
    expect(t('profile.role.admin')).toBe('amministrazione');
    setLang('en');
    expect(t('audit.action.other')).toBe('Another action');
    setLang('it');
  });

  it('shows API errors from the code in the current language, never the detail', () => {
    setLang('it');
    expect(errorMessage('stale_version')).toBe('Nel frattempo la proposta è stata modificata.');
    expect(errorMessage('no_such_code')).toBe(t('error.unknown'));
    expect(fieldMessage('too_short')).toBe('Troppo corto.');
    // A field may say its error better than the generic message.
    expect(fieldMessage('mismatch', 'password')).toBe('La password non è corretta.');
    expect(fieldMessage('mismatch', 'email')).toBe('Valori in disaccordo.');
    setLang('en');
    expect(errorMessage('stale_version')).toBe('The proposal was changed meanwhile.');
    expect(lang()).toBe('en');
    expect(localStorage.getItem('emenda.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    setLang('it');
  });

  it('formats dates, numbers and plurals by language', () => {
    setLang('it');
    expect(formatDate('2022-06-20T10:00:00Z')).toBe('20 giugno 2022');
    expect(formatNumber(12345)).toBe('12.345');
    expect(tn('supports.count', 1)).toBe('1 sostegno');
    expect(tn('supports.count', 12345)).toBe('12.345 sostegni');
    expect(t('proposal.versionBadge', { n: 7, total: 7 })).toBe('Versione 7 di 7');
    setLang('en');
    expect(formatDate('2022-06-20T10:00:00Z')).toBe('20 June 2022');
    expect(formatNumber(12345)).toBe('12,345');
    expect(tn('supports.count', 1)).toBe('1 support');
    setLang('it');
  });
});

describe('Italian dates after an article', () => {
  it('elide before 8 and 11 and write the first of the month as 1°', async () => {
    await setLang('it');
    expect(t('amendment.decided', { date: formatDate('2026-03-08T10:00:00Z') })).toBe("Deciso l'8 marzo 2026");
    expect(t('amendment.decided', { date: formatDate('2026-03-01T10:00:00Z') })).toBe('Deciso il 1° marzo 2026');
    expect(t('amendment.decided', { date: formatDate('2026-03-18T10:00:00Z') })).toBe('Deciso il 18 marzo 2026');
    expect(t('space.phaseDates', { from: formatDate('2026-04-11T10:00:00Z'), to: formatDate('2026-05-08T10:00:00Z') })).toBe("dall'11 aprile 2026 all'8 maggio 2026");
    expect(t('profile.since', { date: formatDate('2026-08-11T10:00:00Z') })).toBe("Iscritto dall'11 agosto 2026");
    // Numbers that are not days stay as they are.
    expect(elideBeforeDates('il 8 proposte, al 11%')).toBe('il 8 proposte, al 11%');
    await setLang('en');
    expect(t('amendment.decided', { date: formatDate('2026-03-08T10:00:00Z') })).toBe('Decided on 8 March 2026');
    await setLang('it');
  });
});
