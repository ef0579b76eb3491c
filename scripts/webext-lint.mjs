// Runs Mozilla's add-on linter on the Firefox build. Errors fail; the only warnings allowed are the known
// innerHTML assignments inside Preact's DOM diff (its dangerouslySetInnerHTML path), listed in the README.
import { execFileSync } from 'node:child_process';

const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const report = JSON.parse(out.slice(out.indexOf('{')));
const allowed = (w) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message ?? '');
const problems = [...report.errors, ...report.warnings.filter((w) => !allowed(w))];
for (const p of problems) console.error(`${p.code}: ${p.message} (${p.file ?? ''})`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - report.warnings.filter((w) => !allowed(w)).length} allowed: Preact innerHTML), ${report.notices.length} notices`);
process.exit(problems.length ? 1 : 0);
