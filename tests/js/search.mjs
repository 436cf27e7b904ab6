// Run Material for MkDocs' own search worker in Node against a built site.
//
// Usage:
//   node tests/js/search.mjs <site-dir> [queries.json]   (or the JSON on stdin)
//
// The queries are a JSON list of strings (or of {"query": "..."} objects). The
// output is one JSON object on stdout:
//   {"setup_ms": <SEARCH_SETUP -> SEARCH_READY>, "load_ms": <worker script
//    compile and run>, "worker": "<worker file>", "results":
//    [{"query": "...", "results": ["initiatieven/anna-zorgt/", ...]}, ...]}
// `results` lists the result groups in the order Material shows them (one entry
// per page: the group's article location, without anchor).
//
// What the harness imitates (Material 9.x, see the source map of the worker and
// of bundle.*.min.js):
// - The client fetches search/search_index.json and posts
//   {type: SEARCH_SETUP (0), data: {config, docs, options: {suggest:
//   feature("search.suggest")}}}; the worker answers {type: SEARCH_READY (1)}.
// - On every keyup the search box posts {type: SEARCH_QUERY (2), data:
//   el.value}: the raw input. The worker itself transforms it (trailing `*` per
//   term, quotes to required terms, ...) and answers {type: SEARCH_RESULT (3),
//   data: {items: SearchItem[][]}}, items grouped per page, best group first.
// - Messages cross the worker boundary as clones: we pass them as JSON.
// No network: importScripts only reads files below <site>/assets/javascripts.

import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"
import { performance } from "node:perf_hooks"

const SEARCH_SETUP = 0
const SEARCH_READY = 1
const SEARCH_QUERY = 2
const SEARCH_RESULT = 3

function fail(message) {
  process.stderr.write(`search.mjs: ${message}\n`)
  process.exit(2)
}

function readQueries(file) {
  const text = file ? fs.readFileSync(file, "utf8") : fs.readFileSync(0, "utf8")
  const data = JSON.parse(text)
  if (!Array.isArray(data))
    fail("queries must be a JSON list")
  return data.map(entry => typeof entry === "string" ? entry : entry.query)
}

// The page config Material's bundle reads (`__config` in every page).
function readPageConfig(site) {
  const html = fs.readFileSync(path.join(site, "index.html"), "utf8")
  const match = html.match(/<script id="__config" type="application\/json">([\s\S]*?)<\/script>/)
  return match ? JSON.parse(match[1]) : null
}

function findWorker(site, pageConfig) {
  if (pageConfig && typeof pageConfig.search === "string") {
    const file = path.resolve(site, pageConfig.search)
    if (fs.existsSync(file))
      return file
  }
  const dir = path.join(site, "assets", "javascripts", "workers")
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter(name => /^search\..*\.min\.js$/.test(name))
    : []
  if (names.length !== 1)
    fail(`expected one search worker in ${dir}, found ${names.length}`)
  return path.join(dir, names[0])
}

function createWorker(site, workerFile) {
  const root = path.resolve(site, "assets", "javascripts")
  const workerDir = path.dirname(workerFile)
  const listeners = []
  const outbox = []
  const warnings = []

  const sandbox = {
    console: {
      log: (...args) => warnings.push(args.join(" ")),
      info: (...args) => warnings.push(args.join(" ")),
      warn: (...args) => warnings.push(args.map(String).join(" ")),
      error: (...args) => warnings.push(args.map(String).join(" ")),
    },
    // Worker globals: messages from the worker go to the outbox as JSON.
    postMessage: message => outbox.push(JSON.stringify(message)),
    addEventListener: (type, fn) => {
      if (type === "message")
        listeners.push(fn)
    },
    removeEventListener: () => {},
    setTimeout,
    clearTimeout,
  }
  const context = vm.createContext(sandbox, { name: "material-search-worker" })
  // `self` is the worker's global scope; `parent` and `document` stay
  // undefined, as in a real worker (Material checks `typeof parent`).
  vm.runInContext("var self = globalThis;", context)

  // importScripts resolves URLs against the worker script, like a browser, and
  // runs the files synchronously in the worker's global scope.
  sandbox.importScripts = (...urls) => {
    for (const url of urls) {
      const file = path.resolve(workerDir, url)
      if (!file.startsWith(root + path.sep))
        throw new Error(`importScripts outside the site assets: ${url}`)
      if (!fs.existsSync(file))
        throw new Error(`importScripts: file not found: ${file}`)
      vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file })
    }
  }

  // Deliver a message as a MessageEvent whose data is a clone made in the
  // worker's realm.
  vm.runInContext(`
    globalThis.__deliver = function (json) {
      return { data: JSON.parse(json) }
    }
  `, context)
  const deliver = message => {
    const event = context.__deliver(JSON.stringify(message))
    for (const fn of listeners)
      fn(event)
  }

  const started = performance.now()
  vm.runInContext(fs.readFileSync(workerFile, "utf8"), context, { filename: workerFile })
  const loadMs = performance.now() - started
  if (!listeners.length)
    fail("the worker registered no message listener")

  // Send a message and wait for the worker's next answer.
  async function request(message, timeoutMs = 120000) {
    outbox.length = 0
    deliver(message)
    const deadline = Date.now() + timeoutMs
    while (!outbox.length) {
      if (Date.now() > deadline)
        fail(`no answer from the worker to message type ${message.type}; console: ${warnings.join(" | ")}`)
      await new Promise(resolve => setImmediate(resolve))
    }
    return JSON.parse(outbox.shift())
  }

  return { request, loadMs, warnings }
}

async function main() {
  const [siteArg, queriesArg] = process.argv.slice(2)
  if (!siteArg)
    fail("usage: node search.mjs <site-dir> [queries.json]")
  const site = path.resolve(siteArg)
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"))
  const queries = readQueries(queriesArg)

  const pageConfig = readPageConfig(site)
  const features = pageConfig?.features ?? []
  const workerFile = findWorker(site, pageConfig)
  const worker = createWorker(site, workerFile)

  const started = performance.now()
  const ready = await worker.request({
    type: SEARCH_SETUP,
    data: {
      config: index.config,
      docs: index.docs,
      options: { suggest: features.includes("search.suggest") },
    },
  })
  const setupMs = performance.now() - started
  if (ready.type !== SEARCH_READY)
    fail(`expected SEARCH_READY (${SEARCH_READY}), got ${JSON.stringify(ready).slice(0, 200)}`)

  const results = []
  for (const query of queries) {
    const answer = await worker.request({ type: SEARCH_QUERY, data: query })
    if (answer.type !== SEARCH_RESULT)
      fail(`expected SEARCH_RESULT (${SEARCH_RESULT}) for ${JSON.stringify(query)}`)
    // Each group holds one page's article and its sections; the article is the
    // item without "#" (Material's renderSearchResultItem does the same).
    const locations = answer.data.items.map(group => {
      const article = group.find(item => !item.location.includes("#")) ?? group[0]
      return article.location.split("#")[0]
    })
    results.push({ query, results: locations })
  }

  process.stdout.write(JSON.stringify({
    setup_ms: Math.round(setupMs),
    load_ms: Math.round(worker.loadMs),
    worker: path.relative(site, workerFile),
    documents: index.docs.length,
    warnings: worker.warnings,
    results,
  }, null, 1) + "\n")
}

main().catch(err => fail(err && err.stack || String(err)))
