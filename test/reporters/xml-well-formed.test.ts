import { describe, expect, test } from 'vitest';
import { xmlProblems } from './xml-well-formed.js';

// The JUnit tests lean on this checker, so it must itself reject what a strict parser rejects.
describe('xmlProblems', () => {
  test.each([
    ['declaration, nesting, attributes, entities', '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" y=\'&lt;&#233;&#x1F600;\'><b/>t &amp; u<c>]]</c><!-- c --></a>\n'],
    ['CDATA', '<a><![CDATA[<not markup>]]></a>'],
  ])('accepts %s', (_, xml) => {
    expect(xmlProblems(xml)).toEqual([]);
  });

  test.each([
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a reference to a forbidden character', '<a>&#1;</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['"]]>" in text', '<a>x ]]> y</a>'],
    ['"<" in an attribute', '<a x="<"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['two roots', '<a/><b/>'],
    ['a control character', '<a>\u0001</a>'],
    ['U+FFFE', '<a>\uFFFE</a>'],
    ['a lone surrogate', '<a>\uD800</a>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['a "--" inside a comment', '<a><!-- a -- b --></a>'],
  ])('rejects %s', (_, xml) => {
    expect(xmlProblems(xml)).toHaveLength(1);
  });
});
