// Lighthouse (mobile) over the site's page types, through its Node API: one
// node process and one Chromium for every page, pages strictly one after
// another (a CLI run per page starts both again and doubles the CPU), a
// throw-away warm-up run first (a fresh Chromium's first navigation is the
// slowest).  Run by bench/lighthouse.py, which serves the site and reads the
// lines this prints:
//
//   node bench/lighthouse/run.mjs BASE_URL RUNS PAGE_NAME=PATH...
//
// One JSON line per run: {page, run, scores, failing, metrics}; `failing`
// lists the audits of the four categories below their best score.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [base, runsArg, ...pageArgs] = process.argv.slice(2);
const RUNS = Number(runsArg || 3);
const PAGES = pageArgs.map(arg => arg.split(/=(.*)/s).slice(0, 2));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-extensions', '--disable-default-apps', '--mute-audio'],
});
const flags = {
  port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
  formFactor: 'mobile', throttlingMethod: 'simulate', maxWaitForLoad: 20000,
  disableFullPageScreenshot: true,
};

function failing(lhr) {
  const found = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      const mode = audit.scoreDisplayMode;
      if (mode === 'error' || (audit.score !== null && audit.score < 1 &&
          ['binary', 'numeric', 'metricSavings'].includes(mode))) {
        found.push({category: id, id: ref.id, weight: ref.weight, score: audit.score,
                    value: audit.displayValue || audit.explanation || ''});
      }
    }
  }
  return found;
}

try {
  await lighthouse(base + PAGES[0][1], flags);          // warm-up, discarded
  for (let run = 1; run <= RUNS; run++) {
    for (const [page, path] of PAGES) {
      const {lhr} = await lighthouse(base + path, flags);
      const scores = Object.fromEntries(CATEGORIES.map(
        id => [id, Math.round((lhr.categories[id].score ?? 0) * 100)]));
      const metrics = lhr.audits.metrics?.details?.items?.[0] || {};
      console.log(JSON.stringify({
        page, path, run, scores, failing: failing(lhr), error: lhr.runtimeError?.code || null,
        metrics: {fcp: metrics.firstContentfulPaint, lcp: metrics.largestContentfulPaint,
                  tbt: metrics.totalBlockingTime, cls: metrics.cumulativeLayoutShift},
        benchmarkIndex: lhr.environment.benchmarkIndex, lighthouse: lhr.lighthouseVersion,
      }));
    }
  }
} finally {
  await chrome.kill();
}
