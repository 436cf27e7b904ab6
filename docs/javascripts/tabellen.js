// Sortable tables on the progress pages (table[data-kb-sorteerbaar]) and the
// date filter of the change list (table[data-kb-wijzigingen]). Without this
// script the tables keep their generated order: by deadline, newest first.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sorteer") ? cell.getAttribute("data-sorteer") : cell.textContent.trim().toLowerCase();
  }

  function makeSortable(table) {
    if (table.dataset.ready) return;
    table.dataset.ready = "1";
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-sorteerknop";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var order = x.localeCompare(y, "nl", { numeric: true });
          return ascending ? order : -order;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterByDate(table) {
    var form = document.querySelector("[data-kb-periode]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var after = form.querySelector("input[name=na]"), until = form.querySelector("input[name=tot]");
    var result = form.querySelector("[data-kb-periode-resultaat]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function update() {
      var shown = 0;
      rows.forEach(function (row) {
        var date = row.getAttribute("data-datum");
        var visible = (!after.value || date > after.value) && (!until.value || date <= until.value);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      result.textContent = shown === 1 ? "1 wijziging" : shown + " wijzigingen";
    }
    form.addEventListener("input", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    update();
  }

  function init() {
    document.querySelectorAll("table[data-kb-sorteerbaar]").forEach(makeSortable);
    document.querySelectorAll("table[data-kb-wijzigingen]").forEach(filterByDate);
  }
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
