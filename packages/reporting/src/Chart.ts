/**
 * Charts of a report as SVG, drawn on the server by Apache ECharts (its SSR mode needs
 * no DOM and no canvas). The output is deterministic for a given chart and options:
 * animation is off, and the per-instance class names and hover styles ECharts adds for
 * interactive pages are removed, so two renders of one chart are byte-identical and
 * several charts can sit in one HTML page without clashing.
 *
 * Each bar ECharts draws is a `<path>` carrying `ecmeta_series_index`,
 * `ecmeta_data_index` and `ecmeta_ssr_type="chart"`; {@link countMarks} reads them, so
 * tests (and integrators) can check that a chart has one bar per school.
 */
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts"
import { BarChart, LineChart } from "echarts/charts"
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
} from "echarts/components"
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components"
import type { ComposeOption } from "echarts/core"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"
import * as CellText from "./CellText.ts"
import type { Locale } from "./Locale.ts"
import type * as ReportDocument from "./ReportDocument.ts"

type Option = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
>

/** Options of {@link toSvg}. */
export interface SvgOptions {
  /** Width in CSS pixels; {@link defaultSize} by default. */
  readonly width?: number
  /** Height in CSS pixels; {@link defaultSize} by default. */
  readonly height?: number
  /**
   * Draw the chart's title inside the image. On by default for a standalone SVG file;
   * HTML and DOCX turn it off and print a numbered caption («Рисунок 1 — …») instead.
   */
  readonly showTitle?: boolean
  /** Language of the number labels; Russian by default. */
  readonly locale?: Locale
  /** CSS font family of the labels. */
  readonly fontFamily?: string
  /**
   * Prefix of the ids inside the SVG (clip paths). Give each chart of one HTML page its
   * own; `chart` by default.
   */
  readonly idPrefix?: string
}

/**
 * Series colours, chosen to stay apart when a document is printed in black and white.
 */
export const palette: ReadonlyArray<string> = [
  "#1f4e79",
  "#c55a11",
  "#7f7f7f",
  "#548235",
  "#bf9000",
  "#7030a0",
  "#2e75b6",
  "#843c0c",
]

const FONT = "Arial, Liberation Sans, DejaVu Sans, sans-serif"

let registered = false
const register = (): void => {
  if (registered) return
  echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer])
  registered = true
}

/**
 * The size a chart is drawn at unless told otherwise: 640 wide, the text width of an
 * A4 page with official margins at 96 dpi, so labels print at their own size; a
 * horizontal chart grows with its categories so every label has a line of its own.
 */
export const defaultSize = (
  chart: ReportDocument.Chart,
): { readonly width: number; readonly height: number } => {
  if (chart.orientation === "vertical") return { width: 640, height: 360 }
  const barsPerCategory =
    chart.kind === "stackedBar" || chart.kind === "line" ? 1 : chart.series.length
  const perCategory = Math.max(28, 12 * barsPerCategory + 14)
  return { width: 640, height: Math.max(240, 100 + chart.categories.length * perCategory) }
}

const buildOption = (chart: ReportDocument.Chart, options: SvgOptions, width: number): Option => {
  const locale = options.locale ?? "ru"
  const fontFamily = options.fontFamily ?? FONT
  const text = { color: "#000000", fontFamily, fontSize: 12 }
  const formatValue = (value: number): string =>
    CellText.formatNumber(value, locale, {
      decimals: chart.percent ? 0 : Number.isInteger(value) ? 0 : 1,
      percent: chart.percent,
    })
  const showTitle = options.showTitle ?? true
  const legend = chart.series.length > 1
  const horizontal = chart.orientation === "horizontal"
  const bars = chart.kind === "line" ? 0 : chart.categories.length * chart.series.length
  const labelled = chart.kind !== "line" && bars <= 60
  const categoryAxis = {
    type: "category" as const,
    data: [...chart.categories],
    inverse: horizontal,
    ...(chart.categoryAxisTitle === undefined
      ? {}
      : { name: chart.categoryAxisTitle, nameLocation: "middle" as const, nameGap: 30 }),
    nameTextStyle: text,
    axisLine: { lineStyle: { color: "#000000" } },
    axisTick: { alignWithLabel: true },
    axisLabel: {
      ...text,
      interval: 0,
      ...(horizontal
        ? { width: Math.round(width * 0.3), overflow: "break" as const }
        : chart.categories.length > 6
          ? { rotate: 30, width: 140, overflow: "truncate" as const }
          : {
              width: Math.round((width * 0.8) / chart.categories.length),
              overflow: "break" as const,
            }),
    },
  }
  const valueAxis = {
    type: "value" as const,
    ...(chart.valueAxisTitle === undefined
      ? {}
      : {
          name: chart.valueAxisTitle,
          nameLocation: "middle" as const,
          nameGap: horizontal ? 28 : 48,
        }),
    nameTextStyle: text,
    ...(chart.percent ? { max: 1 } : {}),
    minInterval: chart.percent ? 0.1 : 1,
    axisLabel: { ...text, formatter: formatValue },
    splitLine: { lineStyle: { color: "#d0d0d0" } },
    axisLine: { show: true, lineStyle: { color: "#000000" } },
  }
  const series = chart.series.map((s, index): BarSeriesOption | LineSeriesOption => {
    const color = palette[index % palette.length] ?? "#000000"
    const data = [...s.values]
    if (chart.kind === "line")
      return {
        type: "line",
        name: s.name,
        data,
        color,
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2 },
        connectNulls: false,
      }
    return {
      type: "bar",
      name: s.name,
      data,
      color,
      barMaxWidth: 28,
      ...(chart.kind === "stackedBar" ? { stack: "total" } : {}),
      label: {
        show: labelled,
        ...text,
        fontSize: 10,
        position: chart.kind === "stackedBar" ? "inside" : horizontal ? "right" : "top",
        ...(chart.kind === "stackedBar" ? { color: "#ffffff" } : {}),
        formatter: (p: { readonly value?: unknown }) =>
          typeof p.value === "number" && p.value !== 0 ? formatValue(p.value) : "",
      },
    }
  })
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: text,
    ...(showTitle
      ? {
          title: {
            text: chart.title,
            left: "center",
            top: 8,
            textStyle: { ...text, fontSize: 15 },
          },
        }
      : {}),
    ...(legend
      ? { legend: { top: showTitle ? 36 : 6, textStyle: text, itemWidth: 18, itemHeight: 10 } }
      : {}),
    grid: {
      top: (showTitle ? 44 : 12) + (legend ? 30 : 0),
      bottom: 12,
      left: 16,
      right: horizontal && labelled ? 48 : 24,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  }
}

/**
 * Strips what ECharts adds for interactive pages, the per-instance class names
 * (`zr0-cls-1`) and the hover rules that use them, and renames its ids (`zr2-c0`):
 * both are numbered by a process-wide counter, so they differ between renders.
 */
const makeStatic = (svg: string, idPrefix: string): string =>
  svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/\bzr\d+-/g, `${idPrefix}-`)
    .replace(/\n{2,}/g, "\n")

/** The chart as a standalone SVG document (UTF-8 text, `image/svg+xml`). */
export const toSvg = (chart: ReportDocument.Chart, options: SvgOptions = {}): string => {
  register()
  const size = defaultSize(chart)
  const width = options.width ?? size.width
  const height = options.height ?? size.height
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height })
  try {
    instance.setOption(buildOption(chart, options, width))
    const prefix = (options.idPrefix ?? "chart").replace(/[^A-Za-z0-9_-]/g, "-")
    return makeStatic(
      instance.renderToSVGString(),
      /^[A-Za-z]/.test(prefix) ? prefix : `c${prefix}`,
    )
  } finally {
    instance.dispose()
  }
}

/**
 * How many data marks (bars, or line points) ECharts drew for series `seriesIndex` in
 * an SVG from {@link toSvg}. A missing (`null`) value draws none.
 */
export const countMarks = (svg: string, seriesIndex = 0): number => {
  let count = 0
  for (const match of svg.matchAll(/<path\b[^>]*>/g)) {
    const tag = match[0]
    if (
      tag.includes('ecmeta_ssr_type="chart"') &&
      tag.includes(`ecmeta_series_index="${seriesIndex}"`)
    )
      count++
  }
  return count
}
