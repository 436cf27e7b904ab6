// Sorts a progress table from the keyboard and filters the change list by date,
// in the system Chromium. Prints JSON. Usage: node tests/js/tables.mjs http://127.0.0.1:PORT/
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
const column = (index) => page.$$eval("table[data-kb-sorteerbaar] tbody tr", (rows, i) =>
  rows.map((row) => row.cells[i].getAttribute("data-sorteer") || row.cells[i].textContent.trim()), index);
const out = {};

await page.goto(base + "voortgang/te-laat/");
out.before = await column(3);
// Tab to the "Eigenaar" header button and press Enter, then Enter again for the reverse order.
await page.locator("th:nth-child(2) button").focus();
await page.keyboard.press("Enter");
out.owners = await column(1);
out.ariaSort = await page.getAttribute("th:nth-child(2)", "aria-sort");
await page.keyboard.press("Enter");
out.ownersReversed = await column(1);

await page.goto(base + "voortgang/wijzigingen/");
const rows = () => page.$$eval("table[data-kb-wijzigingen] tbody tr:not([hidden])", (r) => r.map((row) => row.dataset.datum));
out.allChanges = (await rows()).length;
await page.fill("input[name=na]", "2023-01-01");  // the date field's own keyboard input differs per browser locale
await page.fill("input[name=tot]", "2023-05-01");
out.filtered = await rows();
out.filterValues = [await page.inputValue("input[name=na]"), await page.inputValue("input[name=tot]")];
out.status = await page.textContent("[data-kb-periode-resultaat]");

console.log(JSON.stringify(out));
await browser.close();
