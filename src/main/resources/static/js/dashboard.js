// Draws the dashboard's charts from the figures the page embeds as JSON in <main data-charts="...">: no inline
// script (the Content-Security-Policy allows only this origin's script files). Texts come from the server's
// message bundles; data is handed to ECharts as values, never as HTML, and tooltips are drawn on the canvas
// (renderMode richText), since the policy allows no inline style either.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var data = main && main.dataset.charts ? JSON.parse(main.dataset.charts) : {};
  var d = data.dashboard;
  var t = data.labels || {};
  if (!d || typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' }, grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 } }, option));
    charts.push(c);
  }
  // Category labels wrap instead of being cut: a unit's name ends with the team part that tells two bars of one
  // station apart (青川县城关供电所客户服务班). On a horizontal axis each name gets its share of the chart's width
  // and wraps within it (never overlapping its neighbour; the theme chart uses the themes' short names); a
  // horizontal chart grows with its bars so that two-line labels keep their room; the tooltip names the bar in full.
  function bars(id, rows, horizontal) {
    var names = rows.map(function (r) { return r.label || r.key; });
    var el = document.getElementById(id);
    var slot = el && !horizontal && rows.length > 0 ? Math.max(40, Math.floor((el.clientWidth - 64) / rows.length) - 8) : 120;
    var category = { type: 'category', data: names,
      axisLabel: horizontal ? { interval: 0, overflow: 'break', width: 200, lineHeight: 14 }
        : { interval: 0, overflow: 'break', width: slot, lineHeight: 14, hideOverlap: true } };
    if (el && horizontal && rows.length > 6) {
      el.style.height = Math.max(320, rows.length * 40 + 60) + 'px';
    }
    var value = { type: 'value', minInterval: 1 };
    chart(id, {
      legend: { data: [t.open, t.overdue] },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : value,
      series: [
        { name: t.open, type: 'bar', data: rows.map(function (r) { return r.open; }), itemStyle: { color: '#0b69a3' } },
        { name: t.overdue, type: 'bar', data: rows.map(function (r) { return r.overdue; }), itemStyle: { color: '#b91c1c' } }
      ]
    });
  }
  var short = data.themeShort || {};
  bars('chart-theme', d.byTheme.map(function (r) {
    return { key: r.key, label: short[r.key] || r.label, open: r.open, overdue: r.overdue };
  }), false);
  bars('chart-unit', d.byUnit, true);
  bars('chart-rules', d.topRules.map(function (r) { return { key: r.key, label: r.key, open: r.open, overdue: r.overdue }; }), true);
  chart('chart-trend', {
    legend: { data: [t.tickets] },
    xAxis: { type: 'category', data: d.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t.tickets, type: 'line', data: d.trend, areaStyle: {}, itemStyle: { color: '#0b4f8a' } }]
  });
  var r = d.rectification;
  chart('chart-rate', {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['45%', '70%'],
      data: r.total === 0 ? [{ name: t.empty, value: 0 }] : [
        { name: t.rectified, value: r.rectified, itemStyle: { color: '#1e7d32' } },
        { name: t.notRectified, value: r.total - r.rectified, itemStyle: { color: '#f59e0b' } }
      ]
    }]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
