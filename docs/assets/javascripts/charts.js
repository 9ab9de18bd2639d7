// Draw every chart whose Vega-Lite spec is inlined in the page (specs are inlined, not fetched:
// fetching by URL is blocked under file://). vegaEmbed comes from the site's own vega-bundle.js.
// Until a chart is drawn (or without JavaScript) the static SVG rendered at build time shows.
(function () {
  function draw(root) {
    if (typeof window.vegaEmbed !== "function") return;
    root.querySelectorAll("script.tf-chart-spec").forEach(function (script) {
      var figure = document.getElementById(script.dataset.for);
      if (!figure || figure.dataset.drawn) return;
      var view = figure.querySelector(".tf-chart-view");
      if (!view) return;
      figure.dataset.drawn = "1";
      window.vegaEmbed(view, JSON.parse(script.textContent), { actions: false, renderer: "svg" })
        .then(function () { figure.classList.add("tf-chart-live"); })
        .catch(function (err) {
          figure.dataset.error = String(err);
          console.warn("townfacts: chart not drawn, the static image stays", err);
        });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { draw(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  } else {
    draw(document);
  }
})();

// Compare page: tick towns to show or hide their column (the table works without JavaScript).
(function () {
  function setup() {
    var pick = document.querySelector(".tf-compare-pick");
    var table = document.querySelector(".tf-compare table");
    if (!pick || !table || pick.dataset.ready) return;
    pick.dataset.ready = "1";
    pick.hidden = false;
    pick.querySelectorAll("input[data-column]").forEach(function (box) {
      box.addEventListener("change", function () {
        var column = Number(box.dataset.column) + 1;  // first column holds the indicator names
        table.querySelectorAll("tr > :nth-child(" + column + ")").forEach(function (cell) {
          cell.hidden = !box.checked;
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
