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
  // charts show the category labels that fit rather than all of them. On
  // paper (180 mm wide) a long ranking lies down too, as tall as a page
  // allows. The layout follows the screen when a phone is turned.
  var narrowQuery = window.matchMedia && window.matchMedia('(max-width: 30rem)');
  var PRINT_WIDTH = 680; // A4 less 15 mm margins, at 96 px per inch
  var PRINT_HEIGHT = 321; // 85 mm
  var PRINT_MAX = 700; // a lying ranking's height on paper at most: 185 mm, beside a page's head

  // fit gives the option and the height (px, 0 for the style sheet's) of a
  // chart for mode: 'wide', 'narrow' or 'print'. base is never changed.
  function fit(el, base, mode) {
    var option = Object.assign({}, base);
    var xs = [].concat(base.xAxis || []);
    var x = xs[0];
    var y = [].concat(base.yAxis || [])[0];
    if (mode === 'print') {
      option.animation = false;
    }
    if (mode === 'wide' || !x || x.type !== 'category') {
      return { option: option, height: mode === 'print' ? PRINT_HEIGHT : 0 };
    }
    var n = (x.data || []).length;
    var ranking = el.id.indexOf('chart-totals-') === 0 && y;
    if (ranking && (mode === 'narrow' || n > 12)) {
      var row = mode === 'print' ? Math.min(18, (PRINT_MAX - 96) / n) : 26;
      option.xAxis = [Object.assign({}, y, { nameLocation: 'end' })];
      option.yAxis = [Object.assign({}, x, { name: '', inverse: true,
        axisLabel: Object.assign({}, x.axisLabel, { rotate: 0, interval: row >= 12 ? 0 : 'auto' }) })];
      return { option: option, height: mode === 'print' ? Math.round(row * n + 96) : Math.max(352, 26 * n + 96) };
    }
    xs[0] = Object.assign({}, x, { axisLabel: Object.assign({}, x.axisLabel, { interval: 'auto' }) });
    option.xAxis = xs;
    return { option: option, height: mode === 'print' ? PRINT_HEIGHT : 0 };
  }

  var drawn = [];
  function draw(mode) {
    drawn.forEach(function (d) {
      var f = fit(d.el, d.base, mode);
      if (mode !== d.mode) {
        d.chart.setOption(f.option, true);
        d.mode = mode;
      }
      d.el.style.height = f.height ? f.height + 'px' : '';
      d.chart.resize(mode === 'print' ? { width: PRINT_WIDTH, height: f.height, animation: { duration: 0 } } : undefined);
    });
  }
  function screenMode() {
    return narrowQuery && narrowQuery.matches ? 'narrow' : 'wide';
  }

  var canvases = document.querySelectorAll('.chart-canvas[data-options]');
  Array.prototype.forEach.call(canvases, function (el) {
    var src = document.getElementById(el.getAttribute('data-options'));
    if (!src) {
      return;
    }
    var base = resolve(JSON.parse(src.textContent));
    if (reduceMotion) {
      base.animation = false;
    }
    var mode = screenMode();
    var f = fit(el, base, mode);
    if (f.height) {
      el.style.height = f.height + 'px';
    }
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(f.option);
    drawn.push({ el: el, base: base, chart: chart, mode: mode });
  });

  // While printing, the page is laid out again at the paper's width, which
  // the browser may report as a resize: the charts stay as on paper.
  var printing = false;
  function follow() {
    if (!printing) {
      draw(screenMode());
    }
  }
  window.addEventListener('resize', follow);
  if (narrowQuery && narrowQuery.addEventListener) {
    narrowQuery.addEventListener('change', follow);
  }
  window.addEventListener('beforeprint', function () { printing = true; draw('print'); });
  window.addEventListener('afterprint', function () { printing = false; draw(screenMode()); });
}());
