import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_DEPTH } from '../../src/records/index.js';

describe('medoffice/records exports', () => {
  it('exports MAX_DOCUMENT_DEPTH, the nesting limit docs/records.md names', () => {
    expect(MAX_DOCUMENT_DEPTH).toBe(100);
  });
});
