import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = "'Be Vietnam Pro', 'Noto Sans', system-ui, sans-serif";

/** The value axis: counts and percentages step by whole numbers (no 0,1 · 0,2 … on a day with one ticket). */
export function countAxis(max?: number) {
  return { beginAtZero: true, ticks: { precision: 0 }, ...(max !== undefined ? { max } : {}) };
}

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
}

/** A small React wrapper around chart.js: bars or lines over labelled categories. */
export function ReportChart({
  kind,
  labels,
  series,
  title,
  max,
}: {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  title: string;
  max?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<'bar' | 'line'> = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.color,
          borderColor: s.color,
          borderWidth: kind === 'line' ? 3 : 0,
          tension: 0.25,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { y: countAxis(max) },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels, series, max]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
