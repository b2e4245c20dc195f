import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { apiKeyDecider } from './apikey.decider';
import { issue, issuedWith } from './apikey.fixtures';

const spec = DeciderSpecification.for(apiKeyDecider);

describe('the demo marker', () => {
  it('given nothing, when a demo key is issued, then ApiKeyIssued carries demo: true', () => {
    spec
      .given([])
      .when(issue({ demo: true }))
      .then([issuedWith({ demo: true })]);
  });

  it('given nothing, when an ordinary key is issued, then ApiKeyIssued has no demo field at all', () => {
    spec
      .given([])
      .when(issue({ demo: false }))
      .then([issuedWith()]);
  });
});
