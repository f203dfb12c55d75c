/**
 * `stockflow --help` from the command table alone, in yargs' layout, so the most common
 * first call loads neither yargs nor any command. `stockflow <command> --help` is yargs'.
 */
import { commands } from './commands/index.js';
import { LIMIT_OPTIONS } from './options.js';

export const USAGE = '$0 <command> [options]\n\nStock-and-flow models: simulate, compare interventions, rank leverage points.\nA command that writes a result file takes -o FILE, its format from the extension.\nExit codes: 0 success, 1 a model problem, 2 a usage error.';

/** The text of `stockflow --help`, wrapped to `width` columns. */
export function topLevelHelp(width: number): string {
  const left = commands.map((c) => `  stockflow ${c.command}`);
  const pad = Math.max(...left.map((l) => l.length)) + 2;
  const rows = commands.map((c, i) => row(left[i], c.describe, pad, width));
  const limits = Object.entries(LIMIT_OPTIONS).map(([name, o]) => [`      --${name}`, o.describe, `[${'array' in o ? 'array' : o.type}]`]);
  const all = [['      --version', 'Show version number', '[boolean]'], ...limits, ['  -h, --help', 'Show help', '[boolean]']];
  const optionPad = Math.max(...all.map(([l]) => l.length)) + 2;
  const options = all.map(([l, text, tag]) => row(l, text, optionPad, width, tag));
  return `${USAGE.replace('$0', 'stockflow')}\n\nCommands:\n${rows.join('\n')}\n\nOptions:\n${options.join('\n')}\n`;
}

/** `left` padded, `text` wrapped beside it; a type tag right-aligned after the text, or below it. */
function row(left: string, text: string, pad: number, width: number, tag?: string): string {
  const lines = wrap(text, width - pad).map((l, i) => `${(i === 0 ? left : '').padEnd(pad)}${l}`);
  if (!tag) return lines.join('\n');
  const last = lines[lines.length - 1];
  if (last.length + 1 + tag.length <= width) lines[lines.length - 1] = `${last.padEnd(width - tag.length - 1)} ${tag}`;
  else lines.push(tag.padStart(width));
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
