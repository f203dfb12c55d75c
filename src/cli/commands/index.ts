/** Every CLI command; main.ts registers them in this order. */
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { loopsCommand } from './loops.js';
import { runCommand } from './run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [runCommand, checkCommand, compareCommand, loopsCommand];
