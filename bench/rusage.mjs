// Preloaded into a measured process (node --import): at exit, writes its CPU time and peak
// memory as JSON to the file named by STOCKFLOW_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';

const file = process.env.STOCKFLOW_BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
  });
}
