// ChartData -> PNG with resvg (Rust, no browser): the same image for Slack's file upload and
// Discord's attachment. Rendering runs off the event loop (renderAsync) so a big chart does not delay
// interaction acknowledgements.

import { renderAsync } from '@resvg/resvg-js';
import type { ChartData } from '../../../src/core/index.js';
import { chartFonts } from './chart-fonts.js';
import { chartToSvg, type ChartSvgOptions } from './chart-svg.js';

export interface RenderChartOptions extends Omit<ChartSvgOptions, 'fontFamilies'> {
  /** more font files (TTF/OTF), e.g. for scripts Noto Sans SC lacks; from configuration */
  fontFiles?: readonly string[];
  /** also use the host's installed fonts; default true */
  systemFonts?: boolean;
  /** pixels per SVG unit; default 2 for sharp text on high-density screens */
  scale?: number;
}

export interface RenderedChart {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  /** false when no CJK font was found: Chinese names would be missing from the image */
  cjkFont: boolean;
}

export async function renderChart(chart: ChartData, options: RenderChartOptions): Promise<RenderedChart> {
  const fonts = chartFonts(options.fontFiles);
  const svg = chartToSvg(chart, {
    title: options.title,
    lineLabel: options.lineLabel,
    fontFamilies: fonts.families,
  });
  const image = await renderAsync(svg, {
    font: {
      fontFiles: fonts.files,
      loadSystemFonts: options.systemFonts ?? true,
      defaultFontFamily: fonts.families[0],
      sansSerifFamily: fonts.families[0],
    },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    logLevel: 'off',
  });
  return { png: image.asPng(), svg, width: image.width, height: image.height, cjkFont: fonts.cjk };
}
