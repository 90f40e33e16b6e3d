import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from './labels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** One stacked part of a chart: a meeting kind, an award. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/**
 * A stacked bar chart of periods (months or quarters), drawn by Apache ECharts as SVG. The chart is an image to
 * assistive technology, described in words, and its figures follow in a table that can be opened.
 */
export function PeriodChart({ id, title, periods, series }: { id: string; title: string; periods: readonly string[]; series: readonly ChartSeries[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(host.current!, undefined, { renderer: 'svg', locale: 'EN' });
    chart.on('finished', () => host.current?.setAttribute('data-rendered', 'true'));
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: [...s.values] })),
    });
    const resize = () => chart.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [periods.join(), JSON.stringify(series)]);
  const totals = periods.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const description = `${title}: ${periods.map((p, i) => `${p}: ${formatNumber(totals[i])}`).join('; ')}`;
  return (
    <figure class="chart">
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div ref={host} class="chart-canvas" role="img" aria-label={description} data-chart={id} />
      <details>
        <summary>Xem số liệu dạng bảng</summary>
        <table data-table={`${id}-figures`}>
          <thead>
            <tr>
              <th scope="col">Kỳ</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
              <th scope="col">Tổng</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period, i) => (
              <tr key={period}>
                <th scope="row">{period}</th>
                {series.map((s) => (
                  <td key={s.name}>{formatNumber(s.values[i])}</td>
                ))}
                <td data-column="total">{formatNumber(totals[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
