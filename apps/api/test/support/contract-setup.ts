/** Fails a test whose answers did not match the OpenAPI document (contract-check.ts records them). */
import { takeContractViolations } from './contract-check';

afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length > 0)
    throw new Error(`Answers that do not match the OpenAPI document:\n${[...new Set(violations)].join('\n')}`);
});
