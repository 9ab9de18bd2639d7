// Draw every chart whose Vega-Lite spec is inlined in the page (specs are inlined, not fetched:
// fetching by URL is blocked under file://). vegaEmbed comes from the site's own vega-bundle.js, which
// only a page with a chart loads, once, after the page (this file is deferred; the bundle is ~900 KB).
// Until a chart is drawn (or without JavaScript) the static SVG rendered at build time shows.
(function () {
  var here = document.currentScript ? document.currentScript.src : document.baseURI;
  var loading = null;
  function library() {
    if (typeof window.vegaEmbed === "function") return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("../vendor/vega-bundle.js", here).href;  // assets/javascripts/ → assets/vendor/
        script.async = true;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error("vega-bundle.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function drawAll(specs) {
    specs.forEach(function (script) {
      var figure = document.getElementById(script.dataset.for);
      if (!figure || figure.dataset.drawn) return;
      var view = figure.querySelector(".tf-chart-view");
      if (!view) return;
      figure.dataset.drawn = "1";
      window.vegaEmbed(view, JSON.parse(script.textContent), {
        // export as SVG or PNG and the spec with its data; never the online editor (another host)
        actions: { export: true, source: true, compiled: false, editor: false }, renderer: "svg" })
        .then(function () { figure.classList.add("tf-chart-live"); })
        .catch(function (err) {
          figure.dataset.error = String(err);
          console.warn("townfacts: chart not drawn, the static image stays", err);
        });
    });
  }
  function draw(root) {
    var specs = root.querySelectorAll("script.tf-chart-spec");
    if (!specs.length) return;  // no chart: no chart library
    library().then(function () { drawAll(specs); }, function (err) {
      console.warn("townfacts: charts not drawn, the static images stay", err);
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
