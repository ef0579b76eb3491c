// Reads a Chromium NetLog (--log-net-log): every URL request the browser started, with its initiator origin.
import { readFileSync } from 'node:fs';

/** @returns {{ url: string, method: string, initiator: string }[]} */
export function requestsFromNetLog(path) {
  const log = JSON.parse(readFileSync(path, 'utf8'));
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && e.params?.url)
    .map((e) => ({ url: e.params.url, method: e.params.method, initiator: e.params.initiator ?? '' }));
}
