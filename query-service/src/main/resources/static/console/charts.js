// Charts over years with uPlot (served from its WebJar): one line with points per series, years on the x axis.

import uPlot from '../webjars/uplot/dist/uPlot.esm.js';

const COLOURS = ['#0b5cad', '#b35c00', '#1e7b3a', '#7a1f5c'];

/** Whole-number steps (1, 2, 5, 10, 20, 50, …): every figure counts remains, markers, persons or dollars. */
const WHOLE_STEPS = Array.from({ length: 13 }, (_, power) => [1, 2, 5].map(step => step * 10 ** power)).flat();

/** Draws once the element has a width, and redraws at the new width when it changes (a phone turned, a window resized). */
export function lineChart(element, years, series, format, axisFormat = format, yearFormat = String) {
  let plot = null;
  let waiting = false;
  const observer = new ResizeObserver(async () => {
    const width = Math.floor(element.clientWidth);
    if (width < 50) return;
    const height = Math.max(200, Math.min(300, Math.round(width * 0.55)));
    if (plot) {
      plot.setSize({ width, height });
      return;
    }
    if (waiting) return;
    // The axes are drawn on a canvas: with the page's fonts (Noto Sans Khmer for Khmer), once they have loaded.
    waiting = true;
    await document.fonts.ready;
    const font = `12px ${getComputedStyle(element).fontFamily}`;
    plot = new uPlot({
      width,
      height,
      scales: { x: { time: false } },
      axes: [
        { values: (u, ticks) => ticks.map(v => (Number.isInteger(v) ? yearFormat(v) : '')), incrs: WHOLE_STEPS, font },
        { values: (u, ticks) => ticks.map(v => axisFormat(v)), size: 70, incrs: WHOLE_STEPS, font },
      ],
      series: [
        { label: '' },
        ...series.map((s, i) => ({
          label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2,
          points: { show: true, size: 6, fill: COLOURS[i % COLOURS.length] }, value: (u, v) => (v == null ? '' : format(v)),
        })),
      ],
      legend: { show: true, live: false },
    }, [years, ...series.map(s => s.values)], element);
  });
  observer.observe(element);
}
