// Charts with Apache ECharts (served from its webjar, loaded on first use), each with ECharts' own
// description for screen readers; every view also shows the numbers as a table.

import { bySwedish } from './format.js';

const COLORS = ['#1f5fa8', '#2e8540', '#b35c00', '#6b3fa0', '#a11d33'];

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
let loading;

/** ECharts, loaded on the first chart: views without charts never parse its megabyte of script. */
function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ECHARTS;
      script.onload = () => resolve(window.echarts);
      script.onerror = () => {
        loading = null;
        reject(new Error('diagrammen kunde inte laddas'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

/** A chart in the container once ECharts is there: {ready, dispose}; ready settles when it is drawn. */
function mount(container, option) {
  let chart = null;
  let disposed = false;
  const resize = () => chart?.resize();
  const ready = loadECharts().then(echarts => {
    if (disposed) return;
    chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({ color: COLORS, aria: { enabled: true }, animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    window.addEventListener('resize', resize);
  }, error => {
    container.textContent = 'Diagrammet kunde inte visas (' + error.message + '); se tabellen.';
  });
  return {
    ready,
    dispose: () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    },
  };
}

const percentAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: value => Math.round(value * 100) + ' %' } };
const percentValue = value => value === null || value === undefined ? '–' : (value * 100).toFixed(1).replace('.', ',') + ' %';

/** Lines over dates; series: [{name, values}], values shares in 0..1 or null. */
export function lineChart(container, dates, series) {
  return mount(container, {
    tooltip: { trigger: 'axis', valueFormatter: percentValue },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: dates, axisLabel: { formatter: value => value.slice(0, 7) } },
    yAxis: percentAxis,
    series: series.map(s => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 5 })),
  });
}

/** Horizontal bars, ranked as given (first at the top); values shares in 0..1. */
export function rankedBars(container, labels, values, name) {
  return mount(container, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentValue },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: percentAxis,
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{ type: 'bar', name, data: values, label: { show: true, position: 'right', formatter: p => percentValue(p.value) } }],
  });
}

/** A height for bar charts that gives every bar room. */
export const barHeight = count => Math.max(160, count * 26 + 48) + 'px';

/** Periods as bars on a time axis, one row per e-service; open periods run to a little past today. */
export function timeline(container, periods, today) {
  const names = [...new Set(periods.map(period => period.name))].sort(bySwedish);
  const day = iso => Date.parse(iso + 'T00:00:00Z');
  const horizon = day(today) + 90 * 86400000;
  const data = periods.map(period => ({
    name: period.name,
    value: [names.indexOf(period.name), day(period.since), period.until ? day(period.until) : horizon, period.since, period.until || 'tills vidare'],
  }));
  return mount(container, {
    tooltip: { formatter: item => item.name + ': ' + item.value[3] + ' – ' + item.value[4] },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      data,
      renderItem: (params, api) => {
        const start = api.coord([api.value(1), api.value(0)]);
        const end = api.coord([api.value(2), api.value(0)]);
        const height = api.size([0, 1])[1] * 0.6;
        return {
          type: 'rect',
          shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, end[0] - start[0]), height },
          style: api.style(),
        };
      },
    }],
  });
}

/** A goal: its monthly values, the projection to the deadline (dashed) and the target (a level line). */
export function goalChart(container, history, target, deadline, projection) {
  const measured = history.filter(point => point.value !== undefined && point.value !== null);
  const last = measured[measured.length - 1];
  const series = [{
    type: 'line', name: 'Utfall', data: history.map(point => [point.date, point.value ?? null]), symbolSize: 5,
    markLine: { symbol: 'none', label: { formatter: 'Mål ' + percentValue(target) }, lineStyle: { type: 'solid', color: '#2e8540' },
      data: [{ yAxis: target }] },
  }];
  if (last && projection !== undefined && projection !== null) {
    series.push({ type: 'line', name: 'Prognos', data: [[last.date, last.value], [deadline, projection]],
      lineStyle: { type: 'dashed' }, symbolSize: 5 });
  }
  return mount(container, {
    tooltip: { trigger: 'axis', valueFormatter: percentValue },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: percentAxis,
    series,
  });
}
