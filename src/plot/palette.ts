/**
 * Colours. Series use a colour-blind-friendly categorical palette (Okabe & Ito 2008, "Color
 * Universal Design"); Meadows leverage levels use one hue family per group of her list
 * (Meadows 1999, "Leverage Points: Places to Intervene in a System"): greys/blues for the
 * physical levels 12–10, greens for the loop levels 9–7, oranges for information and rules
 * 6–4, purples for goals and paradigms 3–1, darker = deeper within each group.
 */

export const SERIES_COLORS: readonly string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442',
  '#7f7f7f', '#8c564b', '#17becf', '#bcbd22',
];

export const BASELINE_COLOR = '#222222';

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

/** Meadows' twelve places to intervene, by level (12 weakest … 1 strongest). */
export const MEADOWS_LEVELS: Readonly<Record<number, string>> = {
  12: 'Numbers: constants and parameters',
  11: 'Buffers: sizes of stabilising stocks',
  10: 'Stock-and-flow structure',
  9: 'Delays',
  8: 'Balancing feedback loops',
  7: 'Reinforcing feedback loops',
  6: 'Information flows',
  5: 'Rules',
  4: 'Self-organisation',
  3: 'Goals',
  2: 'Paradigms',
  1: 'Transcending paradigms',
};

const LEVEL_COLORS: Readonly<Record<number, string>> = {
  12: '#a6a6a6', 11: '#6baed6', 10: '#2171b5',
  9: '#74c476', 8: '#31a354', 7: '#006d2c',
  6: '#fdae6b', 5: '#e6550d', 4: '#a63603',
  3: '#9e9ac8', 2: '#6a51a3', 1: '#3f007d',
};

export const NO_LEVEL_COLOR = '#d9d9d9';

export function levelColor(level: number | null | undefined): string {
  return (level !== null && level !== undefined && LEVEL_COLORS[level]) || NO_LEVEL_COLOR;
}

/** "L10 Stock-and-flow structure", or "no level". */
export function levelName(level: number | null | undefined): string {
  if (level === null || level === undefined || !MEADOWS_LEVELS[level]) return 'no leverage level';
  return `L${level} ${MEADOWS_LEVELS[level]}`;
}

/**
 * One colour per intervention (no black or near-black: that is the baseline's), distinct
 * enough for 20 lines: Okabe & Ito's eight without black, then Tableau's 20 darker halves.
 */
export const INTERVENTION_COLORS: readonly string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#8c564b',
  '#9467bd', '#17becf', '#bcbd22', '#e377c2', '#7f7f7f', '#1f77b4', '#ff7f0e', '#2ca02c',
  '#d62728', '#aec7e8', '#98df8a', '#c5b0d5',
];

export function interventionColor(i: number): string {
  return INTERVENTION_COLORS[i % INTERVENTION_COLORS.length];
}

/**
 * Meadows level as a line style, the second encoding of an intervention line: numbers and
 * buffers dotted, structure and delays dash-dotted, loops dashed, information and rules long
 * dashes, goals and paradigms solid (the deeper, the more solid).
 */
export function levelDash(level: number | null | undefined): string {
  if (level === null || level === undefined) return 'dot';
  if (level >= 11) return 'dot';
  if (level >= 9) return 'dashdot';
  if (level >= 7) return 'dash';
  if (level >= 4) return 'longdash';
  return 'solid';
}

/** Loop polarity colours: reinforcing warm, balancing cool. */
export const REINFORCING_COLORS: readonly string[] = ['#d62728', '#ff7f0e', '#e377c2', '#8c564b', '#bcbd22', '#f4a582'];
export const BALANCING_COLORS: readonly string[] = ['#1f77b4', '#17becf', '#2ca02c', '#9467bd', '#7f7f7f', '#92c5de'];

/** A colour with alpha, from #rrggbb. */
export function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}
