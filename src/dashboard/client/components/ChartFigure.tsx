import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, DoughnutController, ArcElement, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
Chart.defaults.color = '#3b3b3b';
// Live figures change under the reader's eyes: redraw at once, no animation.
Chart.defaults.animation = false;

export interface ChartRow {
  readonly label: string;
  readonly value: number;
}

export interface ChartFigureProps {
  /** Id of the figure, for headings and tests. */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly ChartRow[];
  readonly kind: 'bar' | 'columns' | 'doughnut';
  /** Header of the value column of the data table. */
  readonly valueLabel?: string;
  /** Bar colour (CSS colour). */
  readonly color?: string;
  readonly note?: string;
  /** Show a total row: only where the rows partition the agreements (kind, status). */
  readonly showTotal?: boolean;
  /** Slice colours of a doughnut, in row order (default: the palette). */
  readonly colors?: readonly string[];
  /** Draw only the first rows (the table still lists them all). */
  readonly limit?: number;
}

/** Long category names go on up to three lines instead of being cut by the chart. */
export const wrapLabel = (label: string, width = 26): string | string[] => {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines.slice(2).join(' ').slice(0, width - 1)}…`] : lines;
};

const PALETTE = ['#9f2241', '#235b4e', '#bc955c', '#691c32', '#10312b', '#ddc9a3', '#6f7271', '#a57f2c'];

/**
 * A Chart.js chart and, for screen readers and for anyone who wants the numbers, the same data
 * as a table: the canvas is described as an image whose data follow.
 */
export const ChartFigure = ({ id, title, rows, kind, valueLabel = 'Acuerdos', color = '#9f2241', note, showTotal = false, limit, colors }: ChartFigureProps) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return undefined;
    const config: ChartConfiguration<'bar' | 'doughnut', number[], string> =
      kind === 'doughnut'
        ? {
            type: 'doughnut',
            data: { labels: [], datasets: [{ data: [], backgroundColor: [...(colors ?? PALETTE)], borderColor: '#ffffff', borderWidth: 2 }] },
            options: { maintainAspectRatio: false, cutout: '58%', plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, padding: 8 } } } },
          }
        : {
            type: 'bar',
            data: { labels: [], datasets: [{ data: [], backgroundColor: color, borderRadius: 2, maxBarThickness: 26 }] },
            options: {
              maintainAspectRatio: false,
              indexAxis: kind === 'bar' ? 'y' : 'x',
              plugins: { legend: { display: false } },
              scales: {
                x: { grid: { display: kind !== 'bar' ? false : true, color: '#ececec' }, ticks: { precision: 0 } },
                y: { grid: { display: kind === 'bar' ? false : true, color: '#ececec' }, ticks: { precision: 0, autoSkip: false } },
              },
            },
          };
    chart.current = new Chart(canvas.current, config as ChartConfiguration);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // Colours compare by value: callers pass fresh arrays.
  }, [kind, color, colors?.join(',')]);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    const drawn = limit === undefined ? rows : rows.slice(0, limit);
    current.data.labels = drawn.map((row) => (kind === 'doughnut' ? row.label : wrapLabel(row.label))) as string[];
    const dataset = current.data.datasets[0];
    if (dataset) dataset.data = drawn.map((row) => row.value);
    current.update();
  }, [rows, kind, color, limit]);

  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const drawnCount = limit === undefined ? rows.length : Math.min(limit, rows.length);
  const height = kind === 'bar' ? Math.max(160, drawnCount * 28 + 40) : kind === 'doughnut' ? 300 : 260;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      <div class="chart-canvas" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={`Gráfica: ${title}. Los datos están en la tabla que sigue.`} />
      </div>
      {(note || drawnCount < rows.length) && (
        <p class="chart-note">
          {drawnCount < rows.length ? `La gráfica muestra las ${drawnCount} primeras de ${rows.length} categorías; la tabla las incluye todas. ` : ''}
          {note}
        </p>
      )}
      <details class="chart-data">
        <summary>Ver datos en tabla</summary>
        <table data-figure={id}>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Categoría</th>
              <th scope="col" class="num">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td class="num" data-value={String(row.value)}>
                  {formatNumber(row.value)}
                </td>
              </tr>
            ))}
          </tbody>
          {showTotal && (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td class="num">{formatNumber(total)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </details>
    </figure>
  );
};
