/**
 * The progress bar of long commands (ensembles, the report): on stderr, and only when stderr
 * is a terminal, so pipes, files and CI logs never see it. cli-progress redraws on update
 * (throttled), which also works while a synchronous loop holds the event loop.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** `done` of `total` (runs, models, stages …); `label` names what is running now. */
  readonly update: (done: number, total: number, label?: string) => void;
  readonly stop: () => void;
}

export function progressBar(unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done, total, label = '') => {
      if (!bar) {
        bar = new cliProgress.SingleBar({ stream, format: `{bar} {value}/{total} ${unit}  {percentage}%  eta {eta_formatted}  {label}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0, { label });
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop: () => { bar?.stop(); bar = undefined; },
  };
}
