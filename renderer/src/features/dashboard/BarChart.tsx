import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

// Tree-shaken Chart.js: only what bar charts need (no line/pie controllers, no legend, no animations plugin).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartProps {
  labels: readonly string[];
  values: readonly number[];
  /** One color for every bar, or one per bar (CSS colors). */
  colors: string | readonly string[];
  /** Bars grow to the right (long category names) instead of up. */
  horizontal?: boolean;
  /** What the chart shows, e.g. "Listings by marketplace". */
  title: string;
  /** The numbers as text (seriesText), read out with the title. */
  summary: string;
  size?: 'small' | 'medium';
  /** A bar was clicked. */
  onSelect?: (index: number) => void;
  testId?: string;
}

function cssVar(el: Element, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/** Puts new numbers into an existing chart and redraws it without animation. */
function showData(chart: Chart<'bar'>, labels: readonly string[], values: readonly number[], colors: string | readonly string[], title: string): void {
  const dataset = chart.data.datasets[0];
  if (dataset === undefined) return;
  chart.data.labels = [...labels];
  dataset.data = [...values];
  dataset.backgroundColor = typeof colors === 'string' ? colors : [...colors];
  dataset.label = title;
  chart.update('none');
}

/**
 * One Chart.js bar chart on a canvas. The canvas is an image with the numbers in its accessible
 * name; every chart on the dashboard also has a table with the same numbers.
 */
export function BarChart({ labels, values, colors, horizontal = false, title, summary, size = 'medium', onSelect, testId }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'bar'> | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const text = cssVar(canvas, '--text-2', '#5b6474');
    const grid = cssVar(canvas, '--border', '#dfe3e8');
    const font = cssVar(canvas, '--font', 'system-ui, sans-serif');
    const valueAxis = horizontal ? 'x' : 'y';
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: [], borderRadius: 3, maxBarThickness: 28, minBarLength: 0 }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        events: ['mousemove', 'mouseout', 'click'],
        plugins: { tooltip: { displayColors: false } },
        font: { family: font, size: 11 },
        scales: {
          [valueAxis]: { beginAtZero: true, ticks: { color: text, precision: 0, maxTicksLimit: 6 }, grid: { color: grid }, border: { display: false } },
          [horizontal ? 'y' : 'x']: { ticks: { color: text, autoSkip: !horizontal, maxRotation: 0 }, grid: { display: false }, border: { color: grid } },
        },
        onClick: (_event, elements) => {
          const first = elements[0];
          if (first !== undefined) onSelectRef.current?.(first.index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 && onSelectRef.current !== undefined ? 'pointer' : 'default';
        },
      },
    };
    const chart = new Chart(canvas, config);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [horizontal]);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart !== null) showData(chart, labels, values, colors, title);
  }, [labels, values, colors, title, horizontal]);

  return (
    <div className={`chart-box chart-${size}`} data-testid={testId}>
      <canvas ref={canvasRef} role="img" aria-label={`${title}: ${summary}`}>
        {summary}
      </canvas>
    </div>
  );
}
