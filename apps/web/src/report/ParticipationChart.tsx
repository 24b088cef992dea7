import { type ReactElement, useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  type LabelProps,
  Rectangle,
  Text,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";

/** One group's bars. */
export interface ChartGroup {
  key: string;
  label: string;
  colour: string;
  made: number;
  supported: number;
  accepted: number;
}

/** The three measures each group has a bar for, told apart by fill pattern as well as by the legend. */
export const SERIES = ["made", "supported", "accepted"] as const;
export type Series = (typeof SERIES)[number];

const INK = "#1f2328";
const GRID = "#d5d8dc";

interface ParticipationChartProps {
  /** Unique on the page: names the chart's fill patterns. */
  id: string;
  groups: readonly ChartGroup[];
  rtl: boolean;
  /** Formats the value written at the end of each bar. */
  format: (value: number) => string;
  /** The legend's name of each measure. */
  labels: Record<Series, string>;
}

/**
 * A horizontal bar chart of proposals made, supported and accepted per group.
 * Each group has its colour; the three measures differ by pattern (solid,
 * striped, dotted); every bar carries its value and every group its name,
 * so colour is never the only signal. Drawn left to right, or right to left
 * for right-to-left languages.
 */
export function ParticipationChart({ id, groups, rtl, format, labels }: ParticipationChartProps) {
  const fill = (series: Series, index: number) => {
    const group = groups[index];
    if (!group) return INK;
    return series === "made" ? group.colour : `url(#${patternId(id, series, group.key)})`;
  };
  // On a phone the group names wrap onto more lines: each group gets less width and more height.
  const narrow = useNarrowScreen();
  const labelWidth = narrow ? 112 : 150;
  const groupHeight = narrow ? 104 : 66;
  const shape = (series: Series) => (props: BarShapeProps) => (
    <Rectangle {...props} fill={fill(series, props.index)} stroke={INK} strokeWidth={1} />
  );
  return (
    <div className="participation-chart__plot">
      <ChartLegend id={id} labels={labels} />
      <BarChart
        layout="vertical"
        data={groups as ChartGroup[]}
        responsive
        style={{ width: "100%", height: groups.length * groupHeight + 36, direction: "ltr" }}
        margin={{ top: 4, right: 28, bottom: 4, left: 28 }}
        barCategoryGap="16%"
        barGap={2}
        accessibilityLayer={false}
      >
        <defs>
          {groups.map((group) => (
            <Patterns key={group.key} id={id} name={group.key} colour={group.colour} />
          ))}
        </defs>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} reversed={rtl} tick={{ fill: INK }} stroke={INK} />
        <YAxis
          type="category"
          dataKey="label"
          orientation={rtl ? "right" : "left"}
          width={labelWidth}
          tickLine={false}
          stroke={INK}
          tick={(props: YAxisTickContentProps) => (
            <Text
              x={props.x}
              y={props.y}
              width={labelWidth - 10}
              direction={rtl ? "rtl" : "ltr"}
              textAnchor="end"
              verticalAnchor="middle"
              fill={INK}
              fontSize={13}
              lineHeight="1.25em"
              style={{ fontSize: 13 }}
            >
              {String(props.payload.value)}
            </Text>
          )}
        />
        {SERIES.map((series) => (
          <Bar key={series} dataKey={series} isAnimationActive={false} shape={shape(series)}>
            <LabelList dataKey={series} content={(props: LabelProps) => barValue(props, rtl, format)} />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}

const NARROW = "(max-width: 40rem)";

/** Whether the screen is phone-sized, where the group names get less room beside the bars. */
function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener("change", changed);
      return () => query.removeEventListener("change", changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

/**
 * A bar's value, just past its end: the end is on the right, or on the left
 * when the axis runs right to left (whatever sign the bar's width has then).
 */
function barValue(props: LabelProps, rtl: boolean, format: (value: number) => string): ReactElement | null {
  const box = props.viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  if (box?.x === undefined || box.y === undefined || box.width === undefined || box.height === undefined) return null;
  const ends = [box.x, box.x + box.width];
  return (
    <text
      x={rtl ? Math.min(...ends) - 4 : Math.max(...ends) + 4}
      y={box.y + box.height / 2}
      dy="0.35em"
      textAnchor={rtl ? "end" : "start"}
      fill={INK}
      fontSize={12}
    >
      {format(Number(props.value))}
    </text>
  );
}

function patternId(chart: string, series: Series, group: string): string {
  return `${chart}-${series}-${group}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The striped ("supported") and dotted ("accepted") fills of one colour. */
function Patterns({ id, name, colour }: { id: string; name: string; colour: string }) {
  return (
    <>
      <pattern
        id={patternId(id, "supported", name)}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#ffffff" />
        <rect width="3" height="6" fill={colour} />
      </pattern>
      <pattern id={patternId(id, "accepted", name)} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={colour} />
        <circle cx="3" cy="3" r="1.5" fill="#ffffff" />
      </pattern>
    </>
  );
}

/** The chart's legend: a swatch of each measure's pattern, in ink, with its name. */
function ChartLegend({ id, labels }: { id: string; labels: Record<Series, string> }) {
  const legend = `${id}-legend`;
  return (
    <ul className="participation-chart__legend">
      {SERIES.map((series, index) => (
        <li key={series}>
          <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
            {index === 0 && (
              <defs>
                <Patterns id={legend} name="ink" colour={INK} />
              </defs>
            )}
            <rect
              x="0.5"
              y="0.5"
              width="17"
              height="13"
              stroke={INK}
              fill={series === "made" ? INK : `url(#${patternId(legend, series, "ink")})`}
            />
          </svg>
          {labels[series]}
        </li>
      ))}
    </ul>
  );
}
