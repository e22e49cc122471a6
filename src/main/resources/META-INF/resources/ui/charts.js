// Apache ECharts, served by Quarkus from the org.mvnpm:echarts jar (no CDN), and the chart kinds
// the dashboard draws. Every chart reports clicks so panels can drill down.
import * as echarts from '/_static/echarts/5.6.0/dist/echarts.esm.min.js';

// Exposed so the end-to-end tests (and a curious analyst in the console) can inspect the charts.
window.echarts = echarts;

export const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const SENTIMENT = { positive: '#16a34a', neutral: '#94a3b8', negative: '#dc2626' };

const live = new Set();

function make(el, option, onClick) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: 'inherit' },
    animationDuration: 300,
    ...option,
  });
  if (onClick) {
    chart.on('click', onClick);
    el.classList.add('clickable');
  }
  live.add(chart);
  return chart;
}

/** Frees the charts of the page being left. */
export function disposeAll() {
  for (const c of live) c.dispose();
  live.clear();
}

window.addEventListener('resize', () => {
  for (const c of live) c.resize();
});

const grid = { left: 48, right: 16, top: 32, bottom: 28, containLabel: true };

/** Timelines: [{key, points:[{t, count}]}]; clicking a point gives its day. */
export function timeline(el, series, onDay, valueOf = (p) => p.count) {
  return make(
    el,
    {
      grid,
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
      xAxis: { type: 'time' },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        name: s.key || 'all articles',
        type: 'line',
        showSymbol: false,
        smooth: 0.2,
        areaStyle: series.length === 1 ? { opacity: 0.12 } : undefined,
        data: s.points.map((p) => [p.t, valueOf(p)]),
      })),
    },
    onDay ? (e) => onDay(new Date(e.value[0]).toISOString().slice(0, 10)) : null,
  );
}

/** Horizontal bars of [{label, value}], largest on top; clicking gives the label. */
export function bars(el, items, onLabel, opts = {}) {
  const rows = items.slice().reverse();
  return make(
    el,
    {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => p.name + ': ' + p.value },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisTick: { show: false },
        axisLabel: { width: opts.labelWidth || 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          barMaxWidth: 16,
          itemStyle: { color: opts.color || PALETTE[0], borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: opts.format || '{c}' },
        },
      ],
    },
    onLabel ? (e) => onLabel(e.name) : null,
  );
}

/** A donut of [{label, value}]; clicking gives the label. */
export function donut(el, items, onLabel) {
  return make(
    el,
    {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '75%'],
          center: ['35%', '50%'],
          label: { show: false },
          data: items.map((i) => ({ name: i.label, value: i.value })),
        },
      ],
    },
    onLabel ? (e) => onLabel(e.name) : null,
  );
}

/** Sentiment over time: stacked areas of label counts and the mean score on a second axis. */
export function sentimentTimeline(el, points, onDay) {
  const labels = ['negative', 'neutral', 'positive'];
  return make(
    el,
    {
      grid: { ...grid, right: 48 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'time' },
      yAxis: [
        { type: 'value', name: 'articles', minInterval: 1 },
        { type: 'value', name: 'mean', min: -1, max: 1, splitLine: { show: false } },
      ],
      series: [
        ...labels.map((l) => ({
          name: l,
          type: 'line',
          stack: 'labels',
          showSymbol: false,
          lineStyle: { width: 0 },
          areaStyle: { opacity: 0.75 },
          itemStyle: { color: SENTIMENT[l] },
          data: points.map((p) => [p.t, p[l]]),
        })),
        {
          name: 'mean score',
          type: 'line',
          yAxisIndex: 1,
          showSymbol: false,
          connectNulls: true,
          itemStyle: { color: '#0f172a' },
          data: points.map((p) => [p.t, p.avg == null ? null : Number(p.avg.toFixed(3))]),
        },
      ],
    },
    onDay ? (e) => onDay(new Date(e.value[0]).toISOString().slice(0, 10)) : null,
  );
}

/** The distribution of sentiment scores: [{from, to, count}]. */
export function distribution(el, bands, onBand) {
  return make(
    el,
    {
      grid,
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: bands.map((b) => b.from.toFixed(1) + '…' + b.to.toFixed(1)),
        axisLabel: { rotate: 45 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: bands.map((b) => ({
            value: b.count,
            itemStyle: {
              color: b.to <= -0.05 ? SENTIMENT.negative : b.from >= 0.05 ? SENTIMENT.positive : SENTIMENT.neutral,
            },
          })),
        },
      ],
    },
    onBand ? (e) => onBand(bands[e.dataIndex]) : null,
  );
}
