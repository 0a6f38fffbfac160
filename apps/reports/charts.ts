/**
 * The reports page's charts: Apache ECharts through `echarts/core` with only what is drawn (bar, line,
 * heat map; grid, tooltip, legend, visual map; the canvas renderer), so the page carries a fraction of
 * the whole library.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReportRow } from '../../protocol/reports.js';
import { WAIT_BUCKETS_MINUTES } from '../../protocol/reports.js';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type Chart = echarts.ECharts;
export const initChart = (el: HTMLElement): Chart => echarts.init(el, undefined, { renderer: 'canvas' });

export function volumeOption(days: ReportRow[], names: { arrived: string; served: string }) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' }, legend: { data: [names.arrived, names.served], top: 0, right: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.key.slice(5)) }, yAxis: { type: 'value' },
    series: [
      { name: names.arrived, type: 'bar', data: days.map((d) => d.arrived), itemStyle: { color: '#5b8ff9' } },
      { name: names.served, type: 'line', data: days.map((d) => d.served), itemStyle: { color: '#2f9e44' } },
    ],
  };
}

export function waitOption(buckets: number[], longer: string) {
  const labels = WAIT_BUCKETS_MINUTES.map((m, i) => `${i ? WAIT_BUCKETS_MINUTES[i - 1] : 0}–${m}`).concat(longer);
  return {
    animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: labels }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: buckets, itemStyle: { color: '#f08c00' } }],
  };
}

export function heatOption(heat: number[][], weekdays: string[]) {
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const data = heat.flatMap((row, d) => row.map((n, h) => [h, d, n]));
  const max = Math.max(1, ...data.map((x) => x[2]!));
  return {
    animation: false, tooltip: {}, grid: { left: 48, right: 16, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: hours }, yAxis: { type: 'category', data: weekdays, inverse: true },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', data }],
  };
}
