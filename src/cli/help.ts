/**
 * `stockflow --help` from the command table alone, in yargs' layout, so the most common
 * first call loads neither yargs nor any command. `stockflow <command> --help` is yargs'.
 */
import { commands } from './commands/index.js';

export const USAGE = '$0 <command> [options]\n\nStock-and-flow models: simulate, compare interventions, rank leverage points.';

/** The text of `stockflow --help`, wrapped to `width` columns. */
export function topLevelHelp(width: number): string {
  const left = commands.map((c) => `  stockflow ${c.command}`);
  const pad = Math.max(...left.map((l) => l.length)) + 2;
  const rows = commands.map((c, i) => row(left[i], c.describe, pad, width));
  const options = [
    row('      --version', 'Show version number', 17, width, '[boolean]'),
    row('  -h, --help', 'Show help', 17, width, '[boolean]'),
  ];
  return `${USAGE.replace('$0', 'stockflow')}\n\nCommands:\n${rows.join('\n')}\n\nOptions:\n${options.join('\n')}\n`;
}

function row(left: string, text: string, pad: number, width: number, tag?: string): string {
  if (tag) return `${left.padEnd(pad)}${text}`.padEnd(width - tag.length - 1) + ` ${tag}`;
  const lines = wrap(text, width - pad);
  return lines.map((l, i) => `${(i === 0 ? left : '').padEnd(pad)}${l}`).join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
