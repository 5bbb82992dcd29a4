import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { stripJsonComments } from '../../src/config/strip-comments.js';

describe('config comments', () => {
  it('blanks // and /* */ comments, keeping newlines and text inside strings', () => {
    const text = '{\n  // a comment\n  "a": "http://x/*y*/", /* two\nlines */ "b": 1\n}';
    const stripped = stripJsonComments(text).text;
    expect(JSON.parse(stripped)).toEqual({ a: 'http://x/*y*/', b: 1 });
    expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('keeps an escaped quote inside a string from ending it', () => {
    expect(JSON.parse(stripJsonComments('{"a": "say \\"//hi\\""} // c').text)).toEqual({ a: 'say "//hi"' });
  });

  it('reads a commented config and still reports a wrong key on its own line', () => {
    const result = parseConfigText('{\n  // the zone\n  "timezone": "UTC",\n  "rca": { "hours": "48" }\n}', 'c.json');
    expect('problems' in result && result.problems.map((p) => `${p.line}: ${p.column}`)).toEqual(['4: $.rca.hours']);
  });

  it('refuses a /* comment never closed, on its own line, inside the JSON or after it', () => {
    // Inside: the keys after it were blanked, so JSON alone would say only that the text ends too soon.
    const inside = parseConfigText('{\n  "timezone": "UTC",\n  /* old zone\n  "rca": { "hours": 24 }\n}', 'c.json');
    // After the last brace: JSON alone would read it, dropping silently what the writer may have meant to keep.
    const after = parseConfigText('{\n  "timezone": "UTC"\n}\n/* "rca": { "hours": 24 } }\n', 'c.json');
    for (const result of [inside, after]) {
      expect('problems' in result && result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
        `c.json:${result === inside ? 3 : 4}: a /* comment is never closed: add */ where it ends (everything after it was read as comment)`,
      ]);
    }
    expect(stripJsonComments('{} /* a */').unclosedCommentAt).toBeUndefined();
    expect(stripJsonComments('{} /* a').unclosedCommentAt).toBe(3);
  });
});
