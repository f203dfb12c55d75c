/**
 * The width tables are fitted to: the terminal's (stdout's columns), or $COLUMNS when stdout
 * is not a terminal but the shell says how wide it is; none with --wide or in a plain pipe,
 * so files and scripts get whole rows.
 */
import type { Argv } from 'yargs';

export function wideOption<T>(y: Argv<T>) {
  return y.option('wide', { type: 'boolean', default: false, describe: 'print tables at full width (default: fitted to the terminal, text wrapped at spaces and wide tables split into blocks of columns)' });
}

export interface WideArgs { wide?: boolean }

export function tableWidth(args: WideArgs): number | undefined {
  if (args.wide) return undefined;
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
