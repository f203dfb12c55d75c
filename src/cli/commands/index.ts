/** Every CLI command; main.ts registers them in this order. */
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { convertCommand } from './convert.js';
import { loopsCommand } from './loops.js';
import { runCommand } from './run.js';
import { sensitivityCommand } from './sensitivity.js';
import { calibrateCommand } from './calibrate.js';
import { reportCommand } from './report.js';
import { plotCommand } from './plot.js';
import { rankCommand } from './rank.js';
import { equilibriaCommand } from './equilibria.js';
import { sweepCommand } from './sweep.js';
import { workerCommand } from './worker.js';
import { tippingCommand } from './tipping.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [runCommand, checkCommand, compareCommand, convertCommand, loopsCommand, sensitivityCommand, calibrateCommand, reportCommand, plotCommand, rankCommand, equilibriaCommand, sweepCommand, tippingCommand, workerCommand];
