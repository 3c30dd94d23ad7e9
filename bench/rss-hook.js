// bench/rss-hook.js — preloaded with `node --import` when /usr/bin/time is missing: writes the process's peak RSS on exit.
//
// The benchmark then runs every command as `node --import bench/rss-hook.js …` and reads the
// number (KiB, from process.resourceUsage().maxRSS) from the file named by LOFTE_BENCH_RSS_FILE.

import { writeFileSync } from 'node:fs';

const target = process.env.LOFTE_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
