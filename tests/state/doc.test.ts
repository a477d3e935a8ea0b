import { describe, expect, it } from 'vitest';
import { asDoc, decodeDoc, DocFormatError, encodeDoc, overridesOf, presetDoc, withEdit } from '../../src/state/doc';
import { formatHash, parseHash } from '../../src/state/url';

describe('scenario documents', () => {
  it('round-trips a document with edits and an imported scenario through the link text', async () => {
    const doc = withEdit(
      {
        source: { kind: 'custom', raw: { id: 'x', name: '某市', nested: [1, 2, { a: '中文' }] }, fileName: 'x.json' },
        edits: {},
      },
      '/willingness/speed/core',
      0.3,
    );
    const code = await encodeDoc(doc);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a URL without escaping
    expect(await decodeDoc(code)).toEqual(doc);
  });

  it('drops an edit set back to the scenario value, keeps order of the others', () => {
    let d = presetDoc('changzhou-2016');
    d = withEdit(d, '/a', 1, 0);
    d = withEdit(d, '/b', true, false);
    expect(overridesOf(d)).toEqual([
      { pointer: '/a', value: 1 },
      { pointer: '/b', value: true },
    ]);
    d = withEdit(d, '/a', 0, 0);
    expect(d.edits).toEqual({ '/b': true });
  });

  it('refuses damaged links and foreign shapes with a message', async () => {
    await expect(decodeDoc('not-a-link')).rejects.toBeInstanceOf(DocFormatError);
    expect(() => asDoc({ source: { kind: 'preset', id: '../etc' }, edits: {} })).toThrow(/source/);
    expect(() => asDoc({ source: { kind: 'preset', id: 'a' }, edits: { x: 1 } })).toThrow(/JSON Pointer/);
    expect(() => asDoc({ source: { kind: 'preset', id: 'a' }, edits: { '/x': 'big' } })).toThrow(/edits\/x/);
    expect(() => asDoc({ source: { kind: 'preset', id: 'a' }, edits: { '/x': Infinity } })).toThrow(/finite/);
  });

  it('reads and writes the hash: route, document, language, year, and a preset named by a link', () => {
    const h = formatHash({ route: 'compare', code: 'abc', lang: 'en', year: 2020 });
    expect(h).toBe('#/compare?s=abc&lang=en&y=2020');
    expect(parseHash(h)).toEqual({ route: 'compare', code: 'abc', preset: null, lang: 'en', year: 2020 });
    expect(parseHash('')).toEqual({ route: 'workspace', code: null, preset: null, lang: null, year: null });
    expect(parseHash('#/nowhere?y=abc&lang=fr')).toEqual({
      route: 'workspace',
      code: null,
      preset: null,
      lang: null,
      year: null,
    });
    expect(parseHash('#/analyses?p=changzhou-2016')).toMatchObject({ route: 'analyses', preset: 'changzhou-2016' });
    expect(formatHash({ route: 'workspace', code: null, lang: 'zh', year: null })).toBe('#/workspace');
  });
});

describe('links that unpack too far', () => {
  it('refuses a link that inflates past the size limit, saying why (one of 543 kB once became 400 MB)', async () => {
    const { MAX_LINK_BYTES } = await import('../../src/state/doc');
    // 6 MB of spaces compress to a few kB.
    const big = new TextEncoder().encode(' '.repeat(MAX_LINK_BYTES + 1_000_000));
    const packed = new Uint8Array(
      await new Response(new Blob([big]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
    );
    let s = '';
    for (const b of packed) s += String.fromCharCode(b);
    const code = btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(code.length).toBeLessThan(50_000);
    await expect(decodeDoc(code)).rejects.toThrow(/the link unpacks to more than 5 MB/);
  });
  it('still reads a link of an ordinary document', async () => {
    const doc = presetDoc('liaoyuan');
    expect(await decodeDoc(await encodeDoc(doc))).toEqual(doc);
  });
});
