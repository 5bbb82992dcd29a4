import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { stripJsonComments } from '../../src/config/strip-comments.js';

describe('config comments', () => {
  it('blanks // and /* */ comments, keeping newlines and text inside strings', () => {
    const text = '{\n  // a comment\n  "a": "http://x/*y*/", /* two\nlines */ "b": 1\n}';
    const stripped = stripJsonComments(text);
    expect(JSON.parse(stripped)).toEqual({ a: 'http://x/*y*/', b: 1 });
    expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('keeps an escaped quote inside a string from ending it', () => {
    expect(JSON.parse(stripJsonComments('{"a": "say \\"//hi\\""} // c'))).toEqual({ a: 'say "//hi"' });
  });

  it('reads a commented config and still reports a wrong key on its own line', () => {
    const result = parseConfigText('{\n  // the zone\n  "timezone": "UTC",\n  "rca": { "hours": "48" }\n}', 'c.json');
    expect('problems' in result && result.problems.map((p) => `${p.line}: ${p.column}`)).toEqual(['4: $.rca.hours']);
  });
});
