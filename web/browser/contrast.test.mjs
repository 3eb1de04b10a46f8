// The contrast check itself: it must report a known bad pair with its
// ratio, pass a good one, composite what lies under the text and refuse to
// guess over an image. Pages are written in place, in the real browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { contrastRatio, measure, problems } from './contrast.mjs';

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await browser.newPage();
});
after(async () => browser?.close());

const badge = (style, text) => `<span style="display:inline-block;padding:4px;font:600 14px sans-serif;${style}">${text}</span>`;

test('the WCAG ratio of known pairs', () => {
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
  assert.equal(contrastRatio('#17334f', '#995c00').toFixed(2), '2.39');
  assert.equal(contrastRatio('#ffffff', '#0066cc').toFixed(2), '5.57');
});

test('the old "In valutazione" badge is reported at 2.39:1, a white one on the same orange passes', async () => {
  await page.setContent(`<p>${badge('color:#17334f;background:#995c00', 'In valutazione')} ${badge('color:#fff;background:#995c00', 'Accolta')}</p>`);
  const lines = problems(await measure(page));
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /^2\.39:1 < 4\.5:1: "In valutazione" #17334f on #995c00/);
});

test('a semi-transparent background and opacity are composited over what lies under them', async () => {
  await page.setContent(`<div style="background:#fff"><p style="color:#777">grey on white</p>
    <div style="background:#000"><p style="background:rgba(255,255,255,0.5);color:#000">black on half white over black</p></div>
    <div style="opacity:0.5"><p style="color:#000">black at half opacity</p></div></div>`);
  const results = await measure(page, { focus: false });
  const of = (text) => results.find((r) => r.text === text);
  // #777 on white is 4.48:1, one step under the line.
  assert.equal(of('grey on white').ratio.toFixed(2), '4.48');
  // Half white over black is mid grey (5.3:1 with black), not white (21:1).
  assert.equal(of('black on half white over black').bg, '#808080');
  assert.equal(of('black on half white over black').ratio.toFixed(1), '5.3');
  // Opacity fades the text into the white under it: #808080 on white.
  assert.equal(of('black at half opacity').fg, '#808080');
  assert.equal(of('black at half opacity').bg, '#ffffff');
  const lines = problems(results);
  assert.equal(lines.length, 2, lines.join('\n'));
});

test('large text needs 3:1, a gradient or image under the text is undecided, hidden text is skipped', async () => {
  await page.setContent(`
    <h1 style="font-size:24px;color:#888;margin:0">large grey</h1>
    <p style="font-size:20px;font-weight:400;color:#888">not large enough</p>
    <p style="background:linear-gradient(#000,#fff);color:#000">over a gradient</p>
    <p style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);color:#eee">visually hidden</p>
    <p style="display:none;color:#eee">not displayed</p>`);
  const lines = problems(await measure(page));
  assert.equal(lines.length, 2, lines.join('\n'));
  assert.match(lines[0], /"not large enough"/);
  assert.match(lines[1], /^undecided: "over a gradient" .*background image under the text/);
});

test('text in its focus state is checked', async () => {
  await page.setContent(`<style>a:focus{background:#ff0;color:#fff}</style><p><a href="#x">focus me</a></p>`);
  const lines = problems(await measure(page));
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /"focus me" #ffffff on #ffff00 .* \(focus\)$/);
});

test('a reviewed place excuses only an undecided result, never a measured one', async () => {
  await page.setContent(`<input class="is-invalid" value="typed over an icon" style="background:#fff url('data:image/gif;base64,R0lGODlhAQABAAAAACw=') no-repeat right">
    <p class="is-invalid" style="color:#999">pale grey</p>`);
  const lines = problems(await measure(page, { focus: false }));
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /"pale grey"/);
});

test('the focus pass leaves the focus where it was', async () => {
  await page.setContent(`<p><a href="#a" id="a">one</a> <a href="#b" id="b">two</a></p>`);
  await measure(page);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.focus('#a');
  await measure(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'a');
});
