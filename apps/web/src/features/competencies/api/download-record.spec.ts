import { describe, expect, it } from '@jest/globals';
import { apiPathOf } from './download-evidence-file';
import { recordFileName } from './download-record';

describe('file names and paths for downloads', () => {
  it('names the record after the CCC', () => {
    expect(recordFileName('Sam Taylor')).toBe('sam-taylor-programme-record.pdf');
    expect(recordFileName('Zoë O’Neill')).toBe('zoe-o-neill-programme-record.pdf');
    expect(recordFileName('!!!')).toBe('my-programme-record.pdf');
  });

  it('takes the /api prefix off a download address, since the client adds it', () => {
    expect(apiPathOf('/api/evidence-files/abc')).toBe('/evidence-files/abc');
    expect(apiPathOf('/evidence-files/abc')).toBe('/evidence-files/abc');
  });
});
