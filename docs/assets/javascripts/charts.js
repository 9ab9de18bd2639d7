// Draw every chart whose Vega-Lite spec is inlined in the page (specs are inlined, not fetched:
// fetching by URL is blocked under file://). vegaEmbed comes from the site's own vega-bundle.js.
(function () {
  function draw(root) {
    if (typeof window.vegaEmbed !== "function") return;
    root.querySelectorAll("figure.tf-chart").forEach(function (figure) {
      if (figure.dataset.drawn) return;
      var script = figure.querySelector("script.tf-chart-spec");
      var view = figure.querySelector(".tf-chart-view");
      if (!script || !view) return;
      figure.dataset.drawn = "1";
      var spec = JSON.parse(script.textContent);
      window.vegaEmbed(view, spec, { actions: false, renderer: "svg" }).catch(function (err) {
        figure.dataset.error = String(err);
        console.warn("townfacts: chart not drawn", err);
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
