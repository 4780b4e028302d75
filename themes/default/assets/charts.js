/* dutyreport: draws the charts of a page with ECharts (assets/vendor/).
   Each chart's option is JSON in a <script type="application/json"> made at
   build time (generator/render/chart.go); this file only draws it. Without
   scripts the canvases stay hidden and the tables beside them carry the same
   numbers. */
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var root = getComputedStyle(document.documentElement);
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // resolve replaces var(--name) colours with the style sheet's values, so
  // that the theme's CSS is the one place the band colours are set.
  function resolve(v) {
    if (typeof v === 'string') {
      var m = /^var\((--[\w-]+)\)$/.exec(v);
      // A colour the style sheet lacks is left to ECharts' palette.
      return m ? (root.getPropertyValue(m[1]).trim() || undefined) : v;
    }
    if (Array.isArray(v)) {
      return v.map(resolve);
    }
    if (v && typeof v === 'object') {
      var out = {};
      Object.keys(v).forEach(function (k) { out[k] = resolve(v[k]); });
      return out;
    }
    return v;
  }

  // On a narrow screen a ranking's bars lie down, a unit a line with its
  // name readable, the first on top, the chart as tall as they need; other
  // charts show the category labels that fit rather than all of them.
  var narrow = window.matchMedia && window.matchMedia('(max-width: 30rem)').matches;
  function fitNarrow(el, option) {
    var x = [].concat(option.xAxis || [])[0];
    var y = [].concat(option.yAxis || [])[0];
    if (!x || x.type !== 'category') {
      return;
    }
    if (el.id.indexOf('chart-totals-') === 0 && y) {
      var n = (x.data || []).length;
      option.xAxis = [Object.assign({}, y, { nameLocation: 'end' })];
      option.yAxis = [Object.assign({}, x, { name: '', inverse: true, axisLabel: Object.assign({}, x.axisLabel, { rotate: 0, interval: 0 }) })];
      el.style.height = Math.max(352, 26 * n + 96) + 'px';
    } else if (x.axisLabel) {
      x.axisLabel = Object.assign({}, x.axisLabel, { interval: 'auto' });
    }
  }

  var drawn = [];
  var canvases = document.querySelectorAll('.chart-canvas[data-options]');
  Array.prototype.forEach.call(canvases, function (el) {
    var src = document.getElementById(el.getAttribute('data-options'));
    if (!src) {
      return;
    }
    var option = resolve(JSON.parse(src.textContent));
    if (reduceMotion) {
      option.animation = false;
    }
    if (narrow) {
      fitNarrow(el, option);
    }
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    drawn.push(chart);
  });

  function resize(size) {
    drawn.forEach(function (c) { c.resize(size); });
  }
  window.addEventListener('resize', function () { resize(); });
  // On paper: A4 less margins, 180 mm by 85 mm at 96 px per inch.
  window.addEventListener('beforeprint', function () { resize({ width: 680, height: 321, animation: { duration: 0 } }); });
  window.addEventListener('afterprint', function () { resize(); });
}());
