// A text contrast check of our own, independent of axe: axe gives up
// ("incomplete") whenever it cannot be sure of a background, and a check that
// gives up silently once let a 2.39:1 badge through. This one reads the
// computed styles of every visible text in the page, paints the text and its
// background the way the browser stacks them (ancestors' background colours,
// alpha and opacity composited from the canvas up) and computes the WCAG 2.1
// contrast ratio. What it cannot decide (a background image or gradient
// showing through, a filter or a blend mode, a colour it cannot parse) is
// reported as undecided, never passed.
//
// The browser side only collects raw computed styles; the arithmetic runs
// here in Node, so the unit tests exercise the same code as the page check.
import assert from 'node:assert/strict';

/** WCAG 2.1 minimum ratios (1.4.3): normal text and large text. */
export const AA_NORMAL = 4.5;
export const AA_LARGE = 3;

/**
 * Text the check could not decide and a person reviewed and found fine: a
 * selector its place must contain and why. Only an undecided result can be
 * excused here; a ratio measured below the line is a colour to fix.
 */
export const REVIEWED = [
  {
    selector: '.is-invalid',
    reason:
      "Bootstrap Italia's error icon is a background image at the right end of an invalid field, inside padding that keeps the typed text clear of it; the text is on the field's white.",
  },
];
for (const r of REVIEWED) assert.ok(r.selector && r.reason, `a reviewed text needs a selector and a reason: ${JSON.stringify(r)}`);

/** An sRGB colour with alpha from a computed style value, or null if not understood. */
export function parseColor(value) {
  const s = String(value).trim().toLowerCase();
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  let m = s.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (m) return { r: +m[1], g: +m[2], b: +m[3], a: alpha(m[4]) };
  // Chromium keeps colour-mix and relative colours in this form.
  m = s.match(/^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/);
  if (m) return { r: clamp(+m[1]) * 255, g: clamp(+m[2]) * 255, b: clamp(+m[3]) * 255, a: alpha(m[4]) };
  m = s.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/);
  if (m) {
    const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
    return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16), a: 1 };
  }
  return null;
}
function alpha(v) {
  if (v === undefined) return 1;
  return v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
}
function clamp(x) {
  return Math.min(1, Math.max(0, x));
}

/** `top` painted over the opaque `bottom` (source-over). */
export function over(top, bottom) {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

/** WCAG 2.1 relative luminance of an opaque sRGB colour. */
export function luminance({ r, g, b }) {
  const lin = (c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.1 contrast ratio of two opaque colours (or colour strings). */
export function contrastRatio(a, b) {
  const la = luminance(typeof a === 'string' ? parseColor(a) : a);
  const lb = luminance(typeof b === 'string' ? parseColor(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG's large text: at least 18 pt, or 14 pt bold. */
export function isLarge(fontSizePx, fontWeight) {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

export function hex({ r, g, b }) {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Paints one sample: `layers` from the root element down to the text's
 * element, each {bg, opacity, image}. Returns the text pixel and the
 * background pixel as they end up on screen, or a reason it cannot tell.
 * Opacity blends a whole subtree (background and text) with what lies under
 * it, so it lowers the contrast; it is applied group by group.
 */
export function paint(layers, textColor) {
  const parsed = layers.map((l) => ({ ...l, bgc: parseColor(l.bg) }));
  const text = parseColor(textColor);
  if (!text) return { undecided: `colour ${textColor} not understood` };
  for (const l of parsed) {
    if (!l.bgc) return { undecided: `background ${l.bg} not understood on ${l.name}` };
    if (l.filter) return { undecided: `filter or blend mode on ${l.name}` };
  }
  // An image under the text matters unless an opaque colour covers it with
  // no opacity in between (which would let it show through again).
  for (let k = 0; k < parsed.length; k++) {
    if (!parsed[k].image) continue;
    let covered = false;
    for (let m = k + 1; m < parsed.length; m++) {
      if (parsed[m].opacity < 1) break;
      if (parsed[m].bgc.a >= 1) {
        covered = true;
        break;
      }
    }
    if (!covered) return { undecided: `background image under the text on ${parsed[k].name}: ${parsed[k].image.slice(0, 80)}` };
  }
  const canvas = { r: 255, g: 255, b: 255, a: 1 };
  const go = (i, below, withText) => {
    const c = over(parsed[i].bgc, below);
    const inner = i === parsed.length - 1 ? (withText ? over(text, c) : c) : go(i + 1, c, withText);
    return over({ ...inner, a: parsed[i].opacity }, below);
  };
  return { fg: go(0, canvas, true), bg: go(0, canvas, false) };
}

/** Judges one sample collected in the page: {text, color, layers, size, weight, where}. */
export function judge(sample) {
  const painted = paint(sample.layers, sample.color);
  const large = isLarge(sample.size, sample.weight);
  const need = large ? AA_LARGE : AA_NORMAL;
  if (painted.undecided) return { ...sample, need, undecided: painted.undecided };
  const ratio = contrastRatio(painted.fg, painted.bg);
  return { ...sample, need, large, fg: hex(painted.fg), bg: hex(painted.bg), ratio };
}

/**
 * Runs in the page: every visible element with its own non-blank text (text
 * nodes, ::before/::after content, a form control's value or placeholder),
 * with its colour and the backgrounds of its ancestors. With `focus`, each
 * focusable element is focused in turn and sampled in its focus state.
 */
function collect({ focus }) {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'OPTGROUP', 'TITLE', 'HEAD']);
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = [...el.classList].slice(0, 3);
    if (cls.length) s += `.${cls.join('.')}`;
    return s;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(' > ');
  };
  // Clipped to a pixel (a visually hidden label) or not rendered: not seen.
  const seen = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.overflow !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none') {
        const b = e.getBoundingClientRect();
        if (b.width <= 1 || b.height <= 1) return false;
      }
    }
    return true;
  };
  const layers = (el, pseudo) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    const out = chain.map((e) => {
      const cs = getComputedStyle(e);
      return {
        name: name(e),
        bg: cs.backgroundColor,
        image: cs.backgroundImage !== 'none' ? cs.backgroundImage : '',
        opacity: parseFloat(cs.opacity),
        filter: cs.filter !== 'none' || cs.mixBlendMode !== 'normal' || cs.backdropFilter !== 'none',
      };
    });
    if (pseudo) {
      const cs = getComputedStyle(el, pseudo);
      out.push({ name: `${name(el)}${pseudo}`, bg: cs.backgroundColor, image: cs.backgroundImage !== 'none' ? cs.backgroundImage : '', opacity: parseFloat(cs.opacity), filter: cs.filter !== 'none' || cs.mixBlendMode !== 'normal' });
    }
    return out;
  };
  const sample = (el, text, pseudo, state) => {
    const cs = getComputedStyle(el, pseudo ?? null);
    return {
      text: text.replace(/\s+/g, ' ').trim().slice(0, 60),
      where: `${path(el)}${pseudo ?? ''}${state ? ` (${state})` : ''}`,
      el,
      color: cs.color,
      size: parseFloat(cs.fontSize),
      weight: parseFloat(cs.fontWeight),
      disabled: el.matches(':disabled') || el.closest('[aria-disabled=true]') !== null,
      layers: layers(el, pseudo),
    };
  };
  const own = (el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
  const samplesOf = (el, state) => {
    const out = [];
    if (skip.has(el.tagName) || !seen(el)) return out;
    const text = own(el);
    if (text.trim()) out.push(sample(el, text, null, state));
    for (const p of ['::before', '::after']) {
      const c = getComputedStyle(el, p).content;
      const m = c && c.match(/^"(.*)"$/s);
      if (m && m[1].trim() && getComputedStyle(el, p).display !== 'none') out.push(sample(el, m[1], p, state));
    }
    if (el.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=range]):not([type=color]), textarea')) {
      if (el.value.trim()) out.push(sample(el, el.value, null, state));
      else if (el.placeholder?.trim()) out.push(sample(el, el.placeholder, '::placeholder', state));
    }
    if (el.matches('select') && el.selectedOptions[0]?.text.trim()) out.push(sample(el, el.selectedOptions[0].text, null, state));
    return out;
  };
  const all = [...document.body.querySelectorAll('*')];
  let samples = all.flatMap((el) => samplesOf(el, ''));
  if (focus) {
    const before = document.activeElement;
    const focusable = all.filter((el) => el.matches('a[href], button:not(:disabled), input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])') && seen(el));
    for (const el of focusable) {
      el.focus({ preventScroll: true });
      if (document.activeElement !== el) continue;
      samples = samples.concat([el, ...el.querySelectorAll('*')].flatMap((e) => samplesOf(e, 'focus')));
    }
    // Focus goes back where it was, or nowhere: a test may look at it next,
    // and the screenshot should not show a focus ring the user never moved.
    if (before instanceof HTMLElement && before !== document.body) before.focus({ preventScroll: true });
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }
  return samples.map(({ el, ...s }) => s);
}

/** Every sample on the page, judged. */
export async function measure(page, { focus = true } = {}) {
  const samples = await page.evaluate(collect, { focus });
  return samples.map(judge);
}

function reviewed(result, reviewedList) {
  return result.undecided !== undefined && reviewedList.find((r) => result.where.includes(r.selector));
}

/** The lines to report: below the ratio, or undecided and not reviewed. */
export function problems(results, reviewedList = REVIEWED) {
  const lines = [];
  const seenLines = new Set();
  for (const r of results) {
    if (r.undecided === undefined && r.ratio >= r.need) continue;
    if (reviewed(r, reviewedList)) continue;
    const line = r.undecided
      ? `undecided: "${r.text}" at ${r.where}: ${r.undecided}`
      : `${r.ratio.toFixed(2)}:1 < ${r.need}:1: "${r.text}" ${r.fg} on ${r.bg} (${r.size}px, weight ${r.weight}${r.disabled ? ', disabled' : ''}) at ${r.where}`;
    if (!seenLines.has(line)) lines.push(line);
    seenLines.add(line);
  }
  return lines;
}

/** Every visible text on the page, at rest and focused, at least 4.5:1 (3:1 large). */
export async function expectContrast(page, label, options) {
  const results = await measure(page, options);
  assert.ok(results.length > 0, `no text found to check on ${label}`);
  const lines = problems(results);
  assert.deepEqual(lines, [], `text contrast below WCAG AA on ${label}:\n  ${lines.join('\n  ')}`);
  return results.length;
}
