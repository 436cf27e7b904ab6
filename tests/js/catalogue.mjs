// Drives the initiatives and organisations catalogues in the system Chromium: filters from the
// URL, keyboard toggling, sorting and the empty state. Prints JSON.
// Usage: node tests/js/catalogue.mjs http://127.0.0.1:PORT/
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  // Playwright starts headless with a fresh temporary profile; these flags keep Chromium off the network.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
const visible = () => page.$$eval(".kb-kaart:not([hidden]) .kb-kaart__titel a", (links) => links.map((a) => a.getAttribute("href")));
const out = {};

await page.goto(base + "initiatieven/?thema=respijtzorg&provincie=noord-holland");
out.fromUrl = { result: await page.textContent("[data-kb-resultaat]"), visible: await visible() };

// Keyboard only: open the status group with Enter, Tab to its first checkbox, toggle it with Space.
const status = page.locator("input[name=status]").first();
await page.locator("details.kb-filtergroep:has(input[name=status]) summary").focus();
await page.keyboard.press("Enter");
await page.keyboard.press("Tab");
const focused = await page.evaluate(() => document.activeElement && document.activeElement.name);
await page.keyboard.press("Space");
out.keyboard = { focused, url: await page.evaluate(() => location.href), checked: await status.isChecked(),
                 result: await page.textContent("[data-kb-resultaat]") };

// A combination nobody matches shows the empty state.
await page.goto(base + "initiatieven/?provincie=zeeland&thema=zorgreserve-en-crisis");
out.empty = { result: await page.textContent("[data-kb-resultaat]"), emptyShown: await page.isVisible("[data-kb-leeg]") };

// Sorting by last check keeps every card and writes the choice to the URL.
await page.goto(base + "initiatieven/");
await page.selectOption("select[name=sorteer]", "plaats");
out.sorted = { url: page.url(), first: (await visible())[0], count: (await visible()).length };

// The organisations catalogue uses the same script: owners among the ministries, then sorted by kind.
await page.goto(base + "organisaties/?soort=ministerie&rol=eigenaar");
out.organisations = { result: await page.textContent("[data-kb-resultaat]"), visible: await visible() };
await page.goto(base + "organisaties/");
await page.selectOption("select[name=sorteer]", "soort");
out.organisationsSorted = { url: page.url(), first: (await visible())[0] };

console.log(JSON.stringify(out));
await browser.close();
