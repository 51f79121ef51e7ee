import { useState } from 'preact/hooks';
import { formatNumber, plural } from '../format';
import { shadeClasses, shadeOf } from '../mapScale';
import { MAP_CREDIT, MAP_VIEW_BOX, STATE_SHAPES } from '../mexicoStates';
import { entityPath } from '../routes';

export interface MexicoMapProps {
  readonly id: string;
  /** By INEGI state code; a missing state counts zero. */
  readonly counts: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<string, string>;
  readonly unit: { readonly one: string; readonly many: string };
  /** What the shading shows, e.g. "Acuerdos por entidad federativa". */
  readonly caption: string;
}

/**
 * The 32 states shaded by a count. Each state is a link to its entity page: reachable with Tab,
 * opened with Enter, named for screen readers with its count. The same figures are in a table.
 */
export const MexicoMap = ({ id, counts, names, unit, caption }: MexicoMapProps) => {
  const [active, setActive] = useState<string | undefined>(undefined);
  const classes = shadeClasses(STATE_SHAPES.map((shape) => counts.get(shape.code) ?? 0));
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const labelOf = (code: string): string => `${names.get(code) ?? `Entidad ${code}`}: ${plural(counts.get(code) ?? 0, unit.one, unit.many)}`;
  const activeShape = STATE_SHAPES.find((shape) => shape.code === active);
  const rows = STATE_SHAPES.map((shape) => ({ code: shape.code, name: names.get(shape.code) ?? shape.code, count: counts.get(shape.code) ?? 0 })).sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'es'),
  );

  return (
    <figure class="map" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-title">
        {caption}
      </figcaption>
      <p id={`${id}-help`} class="visually-hidden">
        Cada entidad es un enlace a su cartera de acuerdos; recorra el mapa con la tecla Tab y abra una entidad con Intro.
      </p>
      <div class="map-body">
        <svg class="map-svg" viewBox={MAP_VIEW_BOX} role="group" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-help`} onMouseLeave={() => setActive(undefined)}>
          {STATE_SHAPES.map((shape) => (
            <a
              key={shape.code}
              href={entityPath(shape.code)}
              class={`map-state shade-${shadeOf(counts.get(shape.code) ?? 0, classes)}`}
              aria-label={labelOf(shape.code)}
              data-state={shape.code}
              data-count={String(counts.get(shape.code) ?? 0)}
              onMouseEnter={() => setActive(shape.code)}
              onFocus={() => setActive(shape.code)}
              onBlur={() => setActive(undefined)}
            >
              <title>{labelOf(shape.code)}</title>
              <path d={shape.path} />
            </a>
          ))}
          {/* Drawn last so the outline of the state in focus is never hidden by a neighbour. */}
          {activeShape && <path class="map-outline" d={activeShape.path} aria-hidden="true" />}
        </svg>
        <div class="map-side">
          <p class="map-readout" aria-live="polite">
            {active ? (
              <>
                <strong>{names.get(active) ?? active}</strong>
                <span class="map-readout-count">{formatNumber(counts.get(active) ?? 0)}</span>
                <span>{(counts.get(active) ?? 0) === 1 ? unit.one : unit.many}</span>
              </>
            ) : (
              <span class="muted">Señale o enfoque una entidad para ver su cifra.</span>
            )}
          </p>
          <ul class="map-legend" aria-label="Escala de color">
            <li>
              <span class="swatch shade-0" aria-hidden="true" />
              Sin {unit.many}
            </li>
            {classes.map((shade) => (
              <li key={shade.index}>
                <span class={`swatch shade-${shade.index}`} aria-hidden="true" />
                {shade.from === shade.to ? formatNumber(shade.from) : `${formatNumber(shade.from)} a ${formatNumber(shade.to)}`}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <details class="chart-data">
        <summary>Ver datos en tabla</summary>
        <table data-figure={id}>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Entidad federativa</th>
              <th scope="col" class="num">
                {unit.many[0]?.toUpperCase()}
                {unit.many.slice(1)}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <a href={entityPath(row.code)}>{row.name}</a>
                </th>
                <td class="num" data-state={row.code} data-value={String(row.count)}>
                  {formatNumber(row.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="chart-note">
          Un acuerdo de varias entidades cuenta en cada una (suma {formatNumber(total)}). {MAP_CREDIT}.
        </p>
      </details>
    </figure>
  );
};
