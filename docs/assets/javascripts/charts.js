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
