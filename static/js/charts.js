// Draws every <canvas data-chart="ID"> from the JSON that {{ config|json_script:"ID" }} wrote:
// a Chart.js configuration ({type, data, options}). Pages load this after
// vendor/chartjs/chart.umd.min.js in {% block scripts %}. Each chart sits beside a table with
// the same figures, so the page reads the same without JavaScript or a screen.
(function () {
  "use strict";
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || !window.Chart) {
      return;
    }
    var config = JSON.parse(source.textContent);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    new window.Chart(canvas, config);
  }
  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
