// Combines the catalogue's filters on the initiatives and organisations overviews, keeps them in
// the URL (?thema=respijtzorg&provincie=zeeland) and sorts. Without this script
// every filter value still has its own page (/initiatieven/thema/respijtzorg/).
(function () {
  "use strict";

  function setUp(root) {
    var form = root.querySelector(".kb-filterformulier");
    var list = root.querySelector(".kb-kaarten");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(list.children);
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var sort = form.querySelector("select[name=sorteer]");
    var result = root.querySelector("[data-kb-resultaat]");
    var empty = root.querySelector("[data-kb-leeg]");
    var facets = [];
    boxes.forEach(function (box) { if (facets.indexOf(box.name) < 0) facets.push(box.name); });

    function selected() {
      var chosen = {};
      boxes.forEach(function (box) {
        if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
      });
      return chosen;
    }

    // Within a facet the values are alternatives (OR); across facets all must hold (AND).
    function matches(card, chosen, skip) {
      return facets.every(function (facet) {
        if (facet === skip || !chosen[facet]) return true;
        var values = (card.dataset[facet] || "").split(" ");
        return chosen[facet].some(function (value) { return values.indexOf(value) >= 0; });
      });
    }

    function update(pushUrl) {
      var chosen = selected();
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, chosen, null);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      boxes.forEach(function (box) {
        var count = cards.filter(function (card) {
          return matches(card, chosen, box.name) && (card.dataset[box.name] || "").split(" ").indexOf(box.value) >= 0;
        }).length;
        box.parentElement.querySelector("[data-kb-aantal]").textContent = "(" + count + ")";
        box.parentElement.classList.toggle("kb-nul", count === 0 && !box.checked);
      });
      form.querySelectorAll("details").forEach(function (group) {
        var n = group.querySelectorAll("input:checked").length;
        group.querySelector("[data-kb-gekozen]").textContent = n ? "(" + n + " gekozen)" : "";
      });
      var key = sort.value;
      var descending = sort.selectedOptions[0].hasAttribute("data-aflopend");
      cards.slice().sort(function (a, b) {
        var x = a.dataset[key] || "", y = b.dataset[key] || "";
        if (descending) { var t = x; x = y; y = t; }  // e.g. newest check first
        return x < y ? -1 : x > y ? 1 : (a.dataset.naam < b.dataset.naam ? -1 : 1);
      }).forEach(function (card) { list.appendChild(card); });
      result.textContent = shown + " " + (shown === 1 ? result.dataset.enkelvoud : result.dataset.meervoud);
      empty.hidden = shown !== 0;
      if (pushUrl) {
        var params = new URLSearchParams();
        Object.keys(chosen).forEach(function (facet) { chosen[facet].forEach(function (v) { params.append(facet, v); }); });
        if (key !== sort.options[0].value) params.set("sorteer", key);
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      }
    }

    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) >= 0; });
    if (params.get("sorteer")) sort.value = params.get("sorteer");
    boxes.forEach(function (box) { if (box.checked) box.closest("details").open = true; });
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    var links = root.querySelector(".kb-facetten");
    if (links) links.hidden = true;
    update(false);
  }

  function init() {
    document.querySelectorAll("[data-kb-catalogus]").forEach(setUp);
  }
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
