// Accessibility and keyboard checks of the built site in the system Chromium.
//
//   node tests/js/axe.mjs --base http://127.0.0.1:8000/ [--search QUERY] [--keyboard QUERY] [PAGE ...]
//
// PAGE is a URL relative to --base ("" or "/" for the home page). For every page,
// and for the scenarios asked for, one JSON object is printed per line:
//   {"scenario": "page"|"search", "url": ..., "violations": [{id, impact, help, nodes, targets, summary}],
//    "external_requests": [...]}
//   {"scenario": "keyboard", "query": ..., "tabs": n, "focused": ..., "result": ..., "url": ..., "title": ...,
//    "violations": [...], "external_requests": [...]}
// A scenario that could not be completed has "error" instead of "violations".
// "search" opens the search from the home page with the keyboard, types QUERY,
// waits for the results and runs axe with the overlay open. "keyboard" reaches
// the search box with Tab, types QUERY, moves into the results with the arrow
// keys and opens one with Enter; it reports the URL reached.
//
// No browser is downloaded: playwright-core drives /usr/bin/chromium (override
// with CHROMIUM). Requests to any host other than the one serving the site are
// blocked and reported, so the checks never leave the machine.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_TARGETS = 5;
const TIMEOUT = 15000;

function parseArguments(argv) {
  const options = { base: null, search: null, keyboard: null, pages: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    if (argument === '--base' || argument === '--search' || argument === '--keyboard') {
      if (i + 1 >= argv.length) throw new Error(`${argument} needs a value`);
      options[argument.slice(2)] = argv[++i];
    } else if (argument.startsWith('--')) {
      throw new Error(`unknown option ${argument}`);
    } else {
      options.pages.push(argument);
    }
  }
  if (!options.base) throw new Error('--base URL is required');
  if (!options.base.endsWith('/')) options.base += '/';
  return options;
}

function emit(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

async function newPage(context, base) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const origin = new URL(base).origin;
  const external = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    external.push(url);
    return route.abort('blockedbyclient');
  });
  return { page, external };
}

async function runAxe(page) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.length,
    targets: violation.nodes.slice(0, MAX_TARGETS).map((node) => node.target.join(' ')),
    summary: (violation.nodes[0]?.failureSummary || '').split('\n').slice(0, 3).join(' '),
  }));
}

async function checkPage(context, base, path) {
  const url = new URL(path.replace(/^\//, ''), base).href;
  const { page, external } = await newPage(context, base);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) throw new Error(`HTTP ${response ? response.status() : 'geen antwoord'}`);
    return { scenario: 'page', url, violations: await runAxe(page), external_requests: external };
  } catch (error) {
    return { scenario: 'page', url, error: String(error), external_requests: external };
  } finally {
    await page.close();
  }
}

const RESULT_LINK = '.md-search-result__list .md-search-result__link';

async function openSearchByKeyboard(page, query) {
  await page.locator('body').focus();
  await page.keyboard.press('/'); // Material's shortcut: "/", "s" or "f" focuses the search box
  await page.waitForFunction(() => document.activeElement?.matches('input.md-search__input'));
  await page.keyboard.type(query, { delay: 20 });
  await page.locator(RESULT_LINK).first().waitFor({ state: 'visible' });
}

async function checkSearch(context, base, query) {
  const { page, external } = await newPage(context, base);
  try {
    await page.goto(base, { waitUntil: 'load' });
    await openSearchByKeyboard(page, query);
    const results = await page.locator(RESULT_LINK).count();
    return { scenario: 'search', url: page.url(), query, results, violations: await runAxe(page), external_requests: external };
  } catch (error) {
    return { scenario: 'search', url: page.url(), query, error: String(error), external_requests: external };
  } finally {
    await page.close();
  }
}

async function describeFocus(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const label = element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.textContent || '';
    return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''}`
      + ` "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
  });
}

async function checkKeyboard(context, base, query) {
  const { page, external } = await newPage(context, base);
  const report = { scenario: 'keyboard', query, tabs: 0, focused: null, result: null, url: null };
  try {
    await page.goto(base, { waitUntil: 'load' });
    const start = page.url();
    // Reach the search box with Tab only.
    let inSearch = false;
    while (!inSearch && report.tabs < 40) {
      await page.keyboard.press('Tab');
      report.tabs += 1;
      inSearch = await page.evaluate(() => document.activeElement?.matches('input.md-search__input') ?? false);
    }
    if (!inSearch) throw new Error(`zoekveld niet bereikt na ${report.tabs} keer Tab`);
    await page.keyboard.type(query, { delay: 20 });
    await page.locator(RESULT_LINK).first().waitFor({ state: 'visible' });
    // Into the results with the arrow key; the focused result must be a link.
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((selector) => document.activeElement?.matches(selector), RESULT_LINK);
    report.focused = await describeFocus(page);
    report.result = await page.evaluate(() => document.activeElement.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((href) => location.href !== href, start);
    await page.waitForLoadState('load');
    report.url = page.url();
    report.title = await page.title();
    report.violations = await runAxe(page); // the page reached, with the matches highlighted
  } catch (error) {
    report.error = String(error);
    report.url = page.url();
    report.focused = report.focused || (await describeFocus(page).catch(() => null));
  } finally {
    report.external_requests = external;
    await page.close();
  }
  return report;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), 'kb-chromium-'));
  // The fresh user data dir: launch() always passes Chromium a new temporary
  // --user-data-dir of its own (and refuses one in `args`). HOME, caches and
  // crash dumps go to a fresh directory too, removed afterwards.
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
        `--disk-cache-dir=${join(profile, 'cache')}`, `--crash-dumps-dir=${join(profile, 'crash')}`,
      ],
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache') },
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    for (const path of options.pages) emit(await checkPage(context, options.base, path));
    if (options.search) emit(await checkSearch(context, options.base, options.search));
    if (options.keyboard) emit(await checkKeyboard(context, options.base, options.keyboard));
    await context.close();
  } finally {
    if (browser) await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
