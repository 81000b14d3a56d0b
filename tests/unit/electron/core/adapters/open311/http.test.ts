/** The charset rules of the Open311 connector's body decoding (issue 12 item 8). */
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../../../electron/core/adapters/open311/http';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** 中文 in GB18030/GBK. */
const GBK_ZHONGWEN = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);

describe('decodeBody', () => {
  it('reads a UTF-8 body declared ISO-8859-1 as UTF-8 and says so (no mojibake)', () => {
    const r = decodeBody(utf8('[{"description":"井盖缺失"}]'), 'application/json; charset=ISO-8859-1');
    expect(r.text).toBe('[{"description":"井盖缺失"}]');
    expect(r.note).toMatch(/声明字符集为 iso-8859-1，但内容是 UTF-8/);
  });

  it('keeps a real Latin-1 body as declared (its bytes are not valid UTF-8)', () => {
    const r = decodeBody(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1');
    expect(r).toEqual({ text: 'café', note: null });
  });

  it('reads a GB18030 body declared UTF-8 (invalid as UTF-8) as GB18030, and says so', () => {
    const r = decodeBody(GBK_ZHONGWEN, 'application/json; charset=utf-8');
    expect(r.text).toBe('中文');
    expect(r.note).toMatch(/已按 GB18030 读取/);
  });

  it('reads a GBK body declared GBK as it is, without a note', () => {
    expect(decodeBody(GBK_ZHONGWEN, 'text/xml; charset=GBK')).toEqual({ text: '中文', note: null });
  });

  it('plain ASCII and a correctly declared UTF-8 body need no note', () => {
    expect(decodeBody(utf8('[]'), null)).toEqual({ text: '[]', note: null });
    expect(decodeBody(utf8('路面'), 'application/json; charset=utf-8')).toEqual({ text: '路面', note: null });
  });

  it('bytes that are neither are replaced visibly, with a note', () => {
    const r = decodeBody(new Uint8Array([0x61, 0xff, 0xff, 0xff]), 'application/json');
    expect(r.note).toMatch(/无法识别的字节已替换/);
  });
});
