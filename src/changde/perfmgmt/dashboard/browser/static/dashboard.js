/* The dashboard (驾驶舱): draw each chart from the ECharts option the page
   carries in data-echarts-option (built on the server, with the numbers of
   the table beside it). ECharts itself is the add-on's own copy
   (++plone++changde.perfmgmt.dashboard/echarts/echarts.min.js). */
(function () {
  "use strict";

  function draw() {
    if (typeof window.echarts === "undefined") {
      return;
    }
    var locale = (document.documentElement.lang || "zh").toLowerCase().indexOf("en") === 0 ? "EN" : "ZH";
    var charts = [];
    document.querySelectorAll("[data-echarts-option]").forEach(function (element) {
      if (window.echarts.getInstanceByDom(element)) {
        return;
      }
      var chart = window.echarts.init(element, null, { renderer: "canvas", locale: locale });
      chart.setOption(JSON.parse(element.getAttribute("data-echarts-option")));
      charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (chart) {
        chart.resize();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
