// Renders a page for print in the system Chromium: which parts are visible on
// paper, whether external links print their address, and that a PDF comes out.
// Usage: node tests/js/print.mjs <url> <pdf-path>
import { chromium } from "playwright-core";

const [url, pdfPath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
await page.goto(url);
await page.emulateMedia({ media: "print" });
const result = await page.evaluate(() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].some((el) => getComputedStyle(el).display !== "none" && el.getClientRects().length > 0);
  const external = [...document.querySelectorAll(".kb-tekst a[href^='http'], .kb-kenmerken a[href^='http']")];
  return {
    navigation: shown(".md-header") || shown(".md-sidebar") || shown(".md-footer") || shown(".md-search"),
    content: shown("article.md-content__inner"),
    externalLinksPrintAddress: external.every((a) => getComputedStyle(a, "::after").content.includes("http")),
    externalLinks: external.length,
  };
});
await page.pdf({ path: pdfPath, format: "A4" });
console.log(JSON.stringify(result));
await browser.close();
