// The example site in a real browser: headless Chromium (Debian's) driven by
// playwright-core, with axe-core for accessibility. Run by `make browser-test`
// (part of `make test`):
//
//   SITE=../public CHROMIUM=/usr/bin/chromium node browser.test.mjs
//
// The site is served from its folder on loopback under a sub-path, as the
// county CMS would, and every request outside that folder is refused and
// reported. For each kind of page it asserts: every chart draws (its SVG is
// not blank), the console shows no error, no request leaves the site's
// folder, and axe-core finds no serious or critical violation. It also checks
// the pages without scripts (the charts' tables remain, the tables are as
// written and the search page lists every unit and notice), with reduced
// motion (no animation), a ranking table sorted by its total and filtered,
// and the search page finding a unit by its name and former name. On a phone
// no page scrolls sideways; printed to A4 PDF (read back with poppler) a
// ranking, a unit page, a notice and the report stay within the paper.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const site = path.resolve(process.env.SITE || '../public');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const prefix = '/county/report/'; // a sub-path, as on the county CMS

const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

// serve answers only files inside the site's folder; anything else is 404.
function serve() {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.csv': 'text/csv', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.atom': 'application/atom+xml' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    rel = rel.slice(prefix.length) || 'index.html';
    const file = path.resolve(site, rel);
    if (file !== site && !file.startsWith(site + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// pagesToCheck finds one page of each kind, and every page with charts
// but the unit pages of earlier years.
async function pagesToCheck() {
  const years = (await readdir(site)).filter((d) => /^\d{4}$/.test(d)).sort();
  if (years.length === 0) {
    throw new Error(`${site} holds no year: build the site first (make site)`);
  }
  const latest = years[years.length - 1];
  const kinds = [['landing', 'index.html'], ['units', 'units.html'], ['methodology', 'methodology.html'], ['search', 'search.html']];
  const charted = [];
  for (const y of years) {
    // A corrected year's page (with its revision history) is checked by axe
    // as a kind of its own.
    const overview = await readFile(path.join(site, y, 'index.html'), 'utf8');
    charted.push([overview.includes('id="revisions"') ? 'corrected year' : 'year', `${y}/index.html`]);
    for (const f of (await readdir(path.join(site, y))).sort()) {
      if (f.endsWith('.html') && f !== 'index.html' && f !== 'changes.html' && f !== 'report.html') {
        charted.push(['ranking', `${y}/${f}`]);
      }
    }
    if (await stat(path.join(site, y, 'report.html')).catch(() => null)) kinds.push(['report', `${y}/report.html`]);
  }
  const units = (await readdir(path.join(site, latest, 'units'))).filter((f) => f.endsWith('.html')).sort();
  for (const f of units) {
    charted.push(['unit', `${latest}/units/${f}`]);
  }
  if (await stat(path.join(site, latest, 'changes.html')).catch(() => null)) {
    kinds.push(['changes', `${latest}/changes.html`]);
  }
  const notices = path.join(site, latest, 'notices');
  if (await stat(notices).catch(() => null)) {
    kinds.push(['notices', `${latest}/notices/index.html`]);
    const one = (await readdir(notices)).filter((f) => f !== 'index.html' && f.endsWith('.html')).sort()[0];
    if (one) kinds.push(['notice', `${latest}/notices/${one}`]);
  }
  return { kinds, charted, latest };
}

// searchIndex reads the site's search index (assets/search-index.js, a
// script that assigns a global) as data.
async function searchIndex() {
  const src = await readFile(path.join(site, 'assets', 'search-index.js'), 'utf8');
  const json = src.slice(src.indexOf('=') + 1).trim().replace(/;$/, '');
  return JSON.parse(json);
}

// shownRows gives the cells (by selector) of the rows of a table that show.
async function shownRows(page, table, cell) {
  return page.$$eval(`${table} tbody tr`, (trs, cell) => trs
    .filter((tr) => !tr.hidden && getComputedStyle(tr).display !== 'none')
    .map((tr) => tr.querySelector(cell).textContent.trim()), cell);
}

// tablesAndSearch sorts and filters a ranking table, and searches for a
// unit by its name and by a former name.
async function tablesAndSearch(page, rel, setCurrent) {
  setCurrent(rel);
  await page.goto(base + rel, { waitUntil: 'load' });
  const table = '#ranking-table';
  const all = await shownRows(page, table, 'td.total');
  if (all.length < 3) {
    fail(rel, `the ranking has ${all.length} rows; the test needs 3`);
    return;
  }
  const total = page.locator(`${table} thead th`).filter({ has: page.getByRole('button', { name: '总分', exact: true }) });
  const sortButton = total.getByRole('button');
  for (const [dir, ordered] of [['ascending', (a, b) => a <= b], ['descending', (a, b) => a >= b]]) {
    await sortButton.click();
    const got = (await shownRows(page, table, 'td.total')).map(Number);
    if (got.length !== all.length || !got.every((v, i) => i === 0 || ordered(got[i - 1], v))) {
      fail(rel, `after a click on 总分 the totals are not ${dir}: ${got.slice(0, 8).join(' ')} …`);
    }
    if ((await total.getAttribute('aria-sort')) !== dir) fail(rel, `总分's aria-sort is ${await total.getAttribute('aria-sort')}, not ${dir}`);
    const others = await page.$$eval(`${table} thead th[aria-sort]`, (ths) => ths.length);
    if (others !== 1) fail(rel, `${others} header cells have aria-sort; only the sorted one may`);
  }

  // The filter keeps the rows holding the text typed, and says how many.
  const names = await shownRows(page, table, 'td a');
  if (names.length !== all.length) {
    fail(rel, `sorting left ${names.length} of the ${all.length} rows`);
    return;
  }
  const name = names[Math.floor(names.length / 2)];
  const [unitHref] = await page.$$eval(`${table} tbody td a`, (as, name) => as.filter((a) => a.textContent.trim() === name).map((a) => a.href), name);
  await page.getByLabel('筛选').fill(name);
  const kept = await shownRows(page, table, 'td a');
  if (kept.length === 0 || kept.length === names.length || !kept.every((n) => n.includes(name))) {
    fail(rel, `filtering by ${name} shows ${kept.length} of ${names.length} rows: ${kept.join('、')}`);
  }
  const said = await page.locator('.table-filter [role="status"]').textContent();
  if (!said.includes(String(kept.length)) || !said.includes(String(names.length))) fail(rel, `the filter's count says "${said}", not ${kept.length} of ${names.length}`);
  await page.getByLabel('筛选').fill('');
  if ((await shownRows(page, table, 'td a')).length !== names.length) fail(rel, 'clearing the filter does not show every row again');

  // The search page finds the unit by its name and leads to its page.
  const query = `search.html?q=${encodeURIComponent(name)}`;
  setCurrent(query);
  await page.goto(base + query, { waitUntil: 'load' });
  const link = page.locator('#search-results a', { hasText: name }).first();
  if (!(await link.count())) {
    fail(query, `no result links to ${name}`);
  } else {
    await axe(page, query);
    await Promise.all([page.waitForURL(unitHref, { timeout: 5000 }).catch(() => fail(query, `the result ${name} does not lead to ${unitHref}`)), link.click()]);
  }
  // … and a renamed unit by its former name and its code typed in
  // full-width letters (Ｄ１２ 县农业局).
  const index = await searchIndex();
  const renamed = index.units.find((u) => u.former.length > 0);
  if (renamed) {
    const wide = renamed.code.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const q = `search.html?q=${encodeURIComponent(`${wide} ${renamed.former[0]}`)}`;
    setCurrent(q);
    await page.goto(base + q, { waitUntil: 'load' });
    const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
    if (!hrefs.includes(renamed.path)) fail(q, `${renamed.name} (${renamed.code}) is not found by its former name ${renamed.former[0]}: ${hrefs.join(' ')}`);
    const status = await page.locator('#search-status').textContent();
    if (!status.trim()) fail(q, 'the search says nothing in its live region');
  }
}

// chartsDrawn waits for every chart of the page and reports the blank ones.
async function chartsDrawn(page, where) {
  const ids = await page.$$eval('.chart-canvas', (els) => els.map((e) => e.id));
  for (const id of ids) {
    try {
      await page.waitForFunction((id) => {
        const el = document.getElementById(id);
        const svg = el.querySelector('svg');
        const chart = window.echarts && window.echarts.getInstanceByDom(el);
        if (!svg || !chart || svg.getBoundingClientRect().width < 100) return false;
        // The option holds data, and the plot area (not the legend) holds
        // opaque marks in a colour other than the background's.
        const values = (chart.getOption().series || []).flatMap((s) => s.data || []);
        if (!values.some((v) => v !== '-' && v !== null && !(v && v.value === '-'))) return false;
        const grid = chart.getModel().getComponent('grid').coordinateSystem.getRect();
        const box = svg.getBoundingClientRect();
        const blank = (c) => !c || c === 'none' || c === 'transparent' || /^(#fff|#ffffff|white|rgb\(255, ?255, ?255\))$/.test(c);
        const marks = [...svg.querySelectorAll('path, rect')].filter((p) => {
          // A filled shape (a bar, a box, a symbol), or a line drawn thicker
          // than the axes' and grid's 1px.
          const filled = !blank((p.getAttribute('fill') || '').toLowerCase());
          const stroked = !blank((p.getAttribute('stroke') || '').toLowerCase()) && Number(p.getAttribute('stroke-width') || 1) >= 2;
          if (!filled && !stroked) return false;
          if (Number(p.getAttribute('fill-opacity') ?? 1) < 0.5 || Number(p.getAttribute('opacity') ?? 1) < 0.5) return false;
          const r = p.getBoundingClientRect();
          const cx = r.x + r.width / 2 - box.x;
          const cy = r.y + r.height / 2 - box.y;
          return r.width > 0 && r.height > 0 && cx >= grid.x && cx <= grid.x + grid.width && cy >= grid.y && cy <= grid.y + grid.height;
        });
        return marks.length >= 1;
      }, id, { timeout: 5000 });
    } catch {
      fail(where, `chart ${id} is blank`);
    }
  }
  return ids.length;
}

let axeSource = '';
async function axe(page, where) {
  // Evaluated through the browser's debugging protocol, which the page's
  // Content-Security-Policy does not govern (an injected script tag would
  // be refused, as it should be).
  if (!axeSource) axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      const nodes = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
      fail(where, `axe ${v.impact} ${v.id}: ${v.help} (${nodes})`);
    }
  }
}

// paperCheck reads a page's A4 PDF with poppler (pdftotext, pdftoppm) and
// fails where printing spoiled it: ink in a side margin (12 of its 15 mm,
// rendered at 50 dpi), a page of a ranking without the header row, a chart
// whose lowest label went to another page than its title.
async function paperCheck(page, where, pdf) {
  const dom = await page.evaluate(() => ({
    rankings: [...document.querySelectorAll('table.ranking')].map((t) => {
      const row = (r) => [r.cells[0].textContent.trim(), r.querySelector('.col-total').textContent.trim()];
      const th = t.tHead.rows[0];
      return { first: row(t.tBodies[0].rows[0]), last: row(t.tBodies[0].rows[t.tBodies[0].rows.length - 1]),
        head: [th.cells[1].textContent.trim(), th.querySelector('.col-total').textContent.trim(), th.querySelector('.col-band').textContent.trim()] };
    }),
    charts: [...document.querySelectorAll('figure.chart')].map((f) => {
      const caption = f.querySelector('figcaption').textContent;
      // pdftotext reads rotated labels out of order: the lowest level one.
      const labels = [...f.querySelectorAll('svg text')].filter((t) => Math.abs(t.getCTM()?.b || 0) < 0.01)
        .map((t) => ({ text: t.textContent.trim(), bottom: t.getBoundingClientRect().bottom }))
        .filter((l) => l.text && !caption.includes(l.text)).sort((a, b) => b.bottom - a.bottom);
      return { title: f.querySelector('.chart-title').textContent.trim(), lowest: labels[0]?.text || '' };
    }),
  }));
  const dir = await mkdtemp(path.join(tmpdir(), 'dutyreport-print-'));
  try {
    const file = path.join(dir, 'page.pdf');
    await writeFile(file, pdf);
    const squeeze = (s) => s.replace(/\s+/g, '');
    const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').slice(0, -1);
    if (pages.length === 0) return fail(where, 'the PDF has no page');
    execFileSync('pdftoppm', ['-gray', '-r', '50', file, path.join(dir, 'p')]);
    const shots = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const strip = Math.round((12 / 25.4) * 50);
    for (const [i, f] of shots.entries()) {
      const img = await readFile(path.join(dir, f));
      const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(img.subarray(0, 40).toString('latin1'));
      const [w, h, off] = [Number(m[1]), Number(m[2]), m[0].length];
      const inked = (x0, x1) => { for (let y = 0; y < h; y++) for (let x = x0; x < x1; x++) if (img[off + y * w + x] < 200) return true; return false; };
      if (inked(w - strip, w)) fail(where, `page ${i + 1} of ${shots.length} has ink in its right margin: content crosses the page's right edge`);
      if (inked(0, strip)) fail(where, `page ${i + 1} of ${shots.length} has ink in its left margin`);
    }
    const pageOf = ([rank, total]) => pages.findIndex((p) => p.split('\n').some((l) => l.trimStart().startsWith(rank + ' ') && l.includes(total)));
    for (const t of dom.rankings) {
      const [from, to] = [pageOf(t.first), pageOf(t.last)];
      if (from < 0 || to < from) { fail(where, `a ranking's first or last row is not in the PDF (${t.first} on ${from}, ${t.last} on ${to})`); continue; }
      for (let p = from; p <= to; p++) {
        if (!pages[p].split('\n').some((l) => t.head.every((h) => l.includes(h)))) fail(where, `page ${p + 1} of a ranking lacks its header row (${t.head.join(' ')})`);
      }
    }
    for (const c of dom.charts) {
      const p = pages.findIndex((pg) => squeeze(pg).includes(squeeze(c.title)));
      if (p < 0) fail(where, `the chart ${c.title} is not in the PDF`);
      else if (c.lowest && !squeeze(pages[p]).includes(squeeze(c.lowest))) fail(where, `the chart ${c.title} is cut: its label ${c.lowest} is not on its page ${p + 1}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// cspViolations lists what the page's Content-Security-Policy refused
// since it loaded (each page's head carries one): an inline script or
// style the page did not hash, or a resource from elsewhere.
async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}

// refuseOutside aborts every request that is not for a file of the site,
// and records every Content-Security-Policy violation of its pages.
async function refuseOutside(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI || 'inline'}`));
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) {
      return route.continue();
    }
    fail(route.request().frame()?.url() || '?', `request outside the site refused: ${url}`);
    return route.abort();
  });
}

function watch(page, where) {
  page.on('console', (m) => { if (m.type() === 'error') fail(where, `console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(where, `script error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the next page's navigation cancels (the icon, fetched
    // after load) is no failure of the site.
    if (r.url().startsWith(base) && r.failure()?.errorText !== 'net::ERR_ABORTED') fail(where, `request failed: ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) fail(where, `HTTP ${r.status()}: ${r.url()}`); });
}

try {
  const { kinds, charted, latest } = await pagesToCheck();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await refuseOutside(context);
  const page = await context.newPage();
  let current = '';
  watch(page, { toString: () => current });
  let charts = 0;
  const axed = new Set();
  for (const [kind, rel] of [...kinds, ...charted]) {
    current = rel;
    await page.goto(base + rel, { waitUntil: 'load' });
    charts += await chartsDrawn(page, rel);
    const refused = await cspViolations(page);
    if (refused.length) fail(rel, `Content-Security-Policy violations: ${refused.slice(0, 3).join('; ')}`);
    if (!await page.$('meta[http-equiv="Content-Security-Policy"]')) fail(rel, 'the page carries no Content-Security-Policy');
    if (!axed.has(kind)) {
      axed.add(kind);
      await axe(page, rel);
    }
  }
  console.log(`${kinds.length + charted.length} pages, ${charts} charts drawn; axe on ${[...axed].join(', ')}`);

  // A ranking table sorted and filtered, and the search.
  const ranking = charted.find(([k, rel]) => k === 'ranking' && rel.startsWith(`${latest}/`))[1];
  await tablesAndSearch(page, ranking, (rel) => { current = rel; });

  // Reduced motion: the charts draw without animation.
  const calm = await browser.newContext({ reducedMotion: 'reduce' });
  await refuseOutside(calm);
  const still = await calm.newPage();
  watch(still, 'index.html (reduced motion)');
  await still.goto(base + 'index.html', { waitUntil: 'load' });
  await chartsDrawn(still, 'index.html (reduced motion)');
  const animated = await still.$$eval('.chart-canvas', (els) => els.filter((e) => window.echarts.getInstanceByDom(e).getOption().animation !== false).map((e) => e.id));
  if (animated.length) fail('index.html (reduced motion)', `charts still animate: ${animated.join(', ')}`);

  // Scripts off: no chart is drawn, and each chart's numbers are in a table.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  await refuseOutside(plain);
  const noScript = await plain.newPage();
  for (const rel of ['index.html', charted.find(([k]) => k === 'ranking')[1], charted.find(([k]) => k === 'unit')[1]]) {
    await noScript.goto(base + rel, { waitUntil: 'load' });
    const missing = await noScript.$$eval('figure.chart', (figs) => figs.filter((f) => {
      const canvas = f.querySelector('.chart-canvas');
      const ref = f.querySelector('.chart-data');
      const table = f.querySelector('table') || (ref && document.getElementById(ref.getAttribute('href').slice(1)));
      return !canvas.hidden || !table || table.getBoundingClientRect().height === 0;
    }).map((f) => f.querySelector('.chart-canvas').id));
    if (missing.length) fail(`${rel} (no scripts)`, `charts without a visible table, or shown empty: ${missing.join(', ')}`);
    if (await noScript.$$eval('button.sort, .table-filter', (els) => els.length)) fail(`${rel} (no scripts)`, 'a table has sort buttons or a filter box');
  }
  // Without scripts the search page is an index of every unit and notice.
  await noScript.goto(base + 'search.html', { waitUntil: 'load' });
  const index = await searchIndex();
  const listed = new Set(await noScript.$$eval('#search-all a', (as) => as.map((a) => a.getAttribute('href'))));
  const unlisted = [...index.units, ...index.notices].filter((e) => !listed.has(e.path)).map((e) => e.path);
  if (listed.size === 0 || unlisted.length) fail('search.html (no scripts)', `units or notices not listed: ${unlisted.slice(0, 5).join(' ')}`);

  // Reading settings: larger text in two steps and high contrast, kept from
  // page to page; the buttons are big enough to touch.
  {
    current = 'index.html (reading settings)';
    await page.goto(base + 'index.html', { waitUntil: 'load' });
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const small = await page.$$eval('.prefs button', (bs) => bs.filter((b) => { const r = b.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).length);
    if (small) fail(current, `${small} reading buttons smaller than 44 px`);
    await page.click('#pref-text');
    await page.click('#pref-contrast');
    await page.goto(base + ranking, { waitUntil: 'load' });
    const after = await page.evaluate(() => ({
      size: parseFloat(getComputedStyle(document.body).fontSize),
      contrast: document.documentElement.classList.contains('contrast'),
      pressed: [...document.querySelectorAll('.prefs button')].map((b) => b.getAttribute('aria-pressed')).join(),
    }));
    if (!(after.size > before) || !after.contrast || after.pressed !== 'true,true') fail(current, `not kept on the next page: ${JSON.stringify(after)} (text was ${before}px)`);
    await axe(page, `${ranking} (large text, high contrast)`);
    await page.click('#pref-text');
    await page.click('#pref-text');
    await page.click('#pref-contrast');
    const back = await page.evaluate(() => document.documentElement.className);
    if (back.trim()) fail(current, `the settings do not go back: ${back}`);
  }

  // On a phone (390 px): no page scrolls sideways, a wide table scrolls in
  // its own box, and a ranking's unit names stay in view.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await refuseOutside(phone);
  const narrow = await phone.newPage();
  watch(narrow, { toString: () => `${current} (390 px)` });
  const narrowAxed = new Set();
  for (const [kind, rel] of [...kinds, ...charted]) {
    current = rel;
    await narrow.goto(base + rel, { waitUntil: 'load' });
    if (!narrowAxed.has(kind)) {
      narrowAxed.add(kind);
      await axe(narrow, `${rel} (390 px)`);
    }
    const narrowRefused = await cspViolations(narrow);
    if (narrowRefused.length) fail(`${rel} (390 px)`, `Content-Security-Policy violations: ${narrowRefused.slice(0, 3).join('; ')}`);
    const { sw, w } = await narrow.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: document.documentElement.clientWidth }));
    if (sw > w) fail(`${rel} (390 px)`, `the page scrolls sideways: ${sw}px wide in ${w}px`);
    // A task's name keeps a readable width; its table scrolls instead.
    const squeezed = await narrow.$$eval('td.task-name', (tds) => tds.filter((td) => td.getBoundingClientRect().width < 10 * parseFloat(getComputedStyle(td).fontSize)).length);
    if (squeezed) fail(`${rel} (390 px)`, `${squeezed} task names squeezed under 10 characters a line`);
  }
  // Each row's unit, total and band are in view and on top (not covered by
  // the cells scrolling under them), with the table as it opens and
  // scrolled to its end.
  await narrow.goto(base + ranking, { waitUntil: 'load' });
  // The ranking's chart lies down on a phone: the units on the vertical
  // axis, every one labelled, a line each.
  await chartsDrawn(narrow, `${ranking} (390 px)`);
  const lying = await narrow.$eval('.chart-canvas[id^="chart-totals-"]', (el) => {
    const o = window.echarts.getInstanceByDom(el).getOption();
    const y = o.yAxis[0];
    return { category: y.type === 'category', n: (y.data || []).length, all: y.axisLabel.interval === 0, height: el.getBoundingClientRect().height };
  });
  if (!lying.category || !lying.all || lying.height < 26 * lying.n) fail(`${ranking} (390 px)`, `the ranking's chart does not lie down: ${JSON.stringify(lying)}`);
  // Turned sideways the phone is wide enough for the bars to stand, and
  // turned back they lie down again.
  for (const [width, height, axis] of [[844, 390, 'xAxis'], [390, 844, 'yAxis']]) {
    await narrow.setViewportSize({ width, height });
    await narrow.waitForFunction((axis) => {
      const el = document.querySelector('.chart-canvas[id^="chart-totals-"]');
      return window.echarts.getInstanceByDom(el).getOption()[axis][0].type === 'category';
    }, axis, { timeout: 5000 }).catch(() => fail(`${ranking} (turned to ${width} px)`, `the ranking's units are not on the ${axis}`));
  }
  const tiny = await narrow.$$eval('.site-header nav a, .site-search input, .site-search button, .table-filter input, th button.sort, .prefs button',
    (els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent.trim() || e.tagName));
  if (tiny.length) fail(`${ranking} (390 px)`, `touch targets under 44 px: ${tiny.slice(0, 5).join(', ')}`);
  for (const scroll of [0, 10000]) {
    await narrow.$eval('.ranking', (t, x) => { t.closest('.table-scroll').scrollLeft = x; }, scroll);
    const hidden = await narrow.$$eval('.ranking tbody tr', (rows, x) => rows.flatMap((row) =>
      [row.cells[1], row.querySelector('.col-total'), row.querySelector('.col-band')].filter((c) => {
        if (x > 0 && c !== row.cells[1]) return false; // scrolled to the end, the total and band pass by
        const r = c.getBoundingClientRect();
        if (r.left < 0 || r.right > document.documentElement.clientWidth) return true;
        c.scrollIntoView({ block: 'center', inline: 'nearest' });
        const at = c.getBoundingClientRect();
        const top = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
        return !c.contains(top);
      }).map((c) => `${row.cells[1].textContent}: ${c.textContent}`)), scroll);
    if (hidden.length) fail(`${ranking} (390 px, scrolled ${scroll})`, `not in view: ${hidden.slice(0, 5).join('; ')}`);
  }

  // On paper: an A4 print of a unit page holds its charts' tables and keeps
  // the charts within the page's width.
  const paper = await browser.newContext();
  await refuseOutside(paper);
  const print = await paper.newPage();
  const unit = charted.find(([k]) => k === 'unit')[1];
  await print.goto(base + unit, { waitUntil: 'load' });
  await chartsDrawn(print, unit);
  await print.emulateMedia({ media: 'print' });
  await print.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const widest = await print.$$eval('.chart-canvas svg', (svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().width)));
  if (!(widest > 0 && widest <= 681)) fail(`${unit} (print)`, `charts are ${widest}px wide, more than A4's 180 mm`);
  const pdf = await print.pdf({ format: 'A4' });
  if (pdf.length < 1000) fail(`${unit} (print)`, 'the A4 print is empty');

  // A ranking printed on A4 fits the page's width, every column of it, and
  // its header row is text, which Chromium repeats on each page (a sort
  // button there would print blank).
  await print.emulateMedia({ media: 'screen' });
  await print.setViewportSize({ width: 680, height: 960 }); // A4 less 15 mm margins, at 96 dpi
  await print.goto(base + ranking, { waitUntil: 'load' });
  await print.emulateMedia({ media: 'print' });
  await print.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const sheet = await print.$eval('.ranking', (t) => ({
    width: t.getBoundingClientRect().width,
    buttons: t.querySelectorAll('thead button').length,
    last: t.tHead.rows[0].lastElementChild.textContent.trim(),
    info: (() => { const p = document.querySelector('.print-info'); return p && p.getBoundingClientRect().height > 0 ? p.textContent : ''; })(),
  }));
  if (!sheet.info.includes(ranking.slice(0, 4))) fail(`${ranking} (print)`, `the printed page does not say its site, year and edition: ${JSON.stringify(sheet.info)}`);
  if (!(sheet.width > 0 && sheet.width <= 681)) fail(`${ranking} (print)`, `the ranking is ${Math.round(sheet.width)}px wide, more than A4's 180 mm`);
  if (sheet.buttons || !sheet.last) fail(`${ranking} (print)`, `the header row has ${sheet.buttons} buttons, last header ${JSON.stringify(sheet.last)}`);

  // On A4 paper, as the browser prints to PDF: a ranking, a unit page, a
  // notice and the year's report. Nothing crosses the page's side margins,
  // a ranking's header row heads every page it runs on, and each chart ends
  // on the page it starts on.
  const notice = kinds.find(([k]) => k === 'notice')?.[1];
  const report = kinds.find(([k, rel]) => k === 'report' && rel.startsWith(`${latest}/`))?.[1];
  if (!notice || !report) fail('print', `the example has no notice or report to print: ${notice} ${report}`);
  for (const rel of [ranking, unit, notice, report].filter(Boolean)) {
    current = `${rel} (A4)`;
    // The page's width on paper: A4 less its margins (a notice's are the
    // official document's, 28 and 26 mm), at 96 px per inch. Wider, the
    // browser would shrink the whole page to fit.
    const width = rel === notice ? 590 : 680;
    await print.setViewportSize({ width: 1280, height: 900 });
    await print.emulateMedia({ media: 'screen' });
    await print.goto(base + rel, { waitUntil: 'load' });
    await chartsDrawn(print, current);
    await print.setViewportSize({ width, height: 960 });
    await print.emulateMedia({ media: 'print' });
    await print.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const wide = await print.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) fail(current, `the printed page is ${wide}px wide, more than the paper's ${width}px: the browser would shrink it`);
    await paperCheck(print, current, await print.pdf({ format: 'A4', preferCSSPageSize: true }));
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`${failures.length} problem(s) in the browser:`);
  for (const f of failures) console.error('  ' + f);
  process.exit(1);
}
console.log('browser test: ok');
