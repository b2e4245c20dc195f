// Lints Dockerfiles with dockerfile-utils (the validator of the Docker language server), offline,
// every check it has as an error: a problem fails `npm run lint`. hadolint checks more (shell in
// RUN, apt pinning); run it where it is installed: hadolint docker/Dockerfile.
// Usage: node scripts/lint-dockerfile.mjs <Dockerfile…>
import { readFileSync } from 'node:fs';
import { validate, ValidationSeverity } from 'dockerfile-utils';

const ERROR = ValidationSeverity.ERROR;
const STRICT = {
  deprecatedMaintainer: ERROR,
  directiveCasing: ERROR,
  emptyContinuationLine: ERROR,
  instructionCasing: ERROR,
  instructionCmdMultiple: ERROR,
  instructionEntrypointMultiple: ERROR,
  instructionHealthcheckMultiple: ERROR,
  instructionJSONInSingleQuotes: ERROR,
  instructionWorkdirRelative: ERROR,
};

let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const { range, message } of validate(readFileSync(file, 'utf8'), STRICT)) {
    problems++;
    console.error(`${file}:${range.start.line + 1}:${range.start.character + 1} ${message}`);
  }
}
if (problems > 0) {
  console.error(`${problems} Dockerfile problem(s)`);
  process.exit(1);
}
