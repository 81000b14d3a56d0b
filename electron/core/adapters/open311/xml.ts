/**
 * A small tolerant reader for the flat XML shapes of GeoReport v2 (`<service_requests><request>
 * <field>text</field>…</request>…</service_requests>`). Not a general XML parser: no namespaces,
 * no DTDs; attributes are skipped. It accepts what real servers send — a byte-order mark, any
 * root name, one element where a list was expected, empty and self-closing elements, CDATA,
 * comments and character references — and throws XmlError on anything it cannot read.
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

export interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  text: string;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return _codePoint(parseInt(ref.slice(2), 16), m);
    if (ref.startsWith('#')) return _codePoint(parseInt(ref.slice(1), 10), m);
    return NAMED[ref] ?? m;
  });
}

function _codePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

const MAX_DEPTH = 32;

/** Parses a document into its root element. */
export function parseXml(source: string): XmlNode {
  const src = source.replace(/^\uFEFF/, '');
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > i) {
      const text = src.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(text);
      else if (text.trim() !== '') throw new XmlError('根元素之外有文本');
    }
    if (lt === -1) break;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlError('注释未结束');
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlError('CDATA 未结束');
      const top = stack[stack.length - 1];
      if (top) top.text += src.slice(lt + 9, end);
      i = end + 3;
    } else if (src.startsWith('<?', lt) || src.startsWith('<!', lt)) {
      const end = src.indexOf('>', lt);
      if (end === -1) throw new XmlError('声明未结束');
      i = end + 1;
    } else {
      const end = src.indexOf('>', lt);
      if (end === -1) throw new XmlError('标签未结束');
      const tag = src.slice(lt + 1, end);
      i = end + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const top = stack.pop();
        if (!top || top.name !== name) throw new XmlError(`结束标签 </${name}> 不匹配`);
        if (stack.length === 0) root = top;
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const m = /^([A-Za-z_][\w.:-]*)/.exec(tag);
      if (!m) throw new XmlError(`无法识别的标签 <${tag.slice(0, 40)}>`);
      const node: XmlNode = { name: m[1] as string, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root !== null) throw new XmlError('文档有多个根元素');
      if (selfClosing) {
        if (!parent) root = node;
      } else {
        if (stack.length >= MAX_DEPTH) throw new XmlError('元素嵌套过深');
        stack.push(node);
      }
    }
  }
  if (stack.length > 0) throw new XmlError(`元素 <${(stack[stack.length - 1] as XmlNode).name}> 未结束`);
  if (!root) throw new XmlError('没有根元素');
  return root;
}

export type FlatValue = string | string[] | FlatRecord | FlatRecord[];
export interface FlatRecord {
  [field: string]: FlatValue;
}

function _isLeaf(n: XmlNode): boolean {
  return n.children.length === 0;
}

/** A record element → field map. Repeated fields become arrays (e.g. several media_url). */
function xmlRecord(node: XmlNode): FlatRecord {
  const out: FlatRecord = {};
  for (const c of node.children) {
    const value: string | FlatRecord = _isLeaf(c) ? c.text.trim() : xmlRecord(c);
    const prev = out[c.name];
    if (prev === undefined) out[c.name] = value;
    else if (Array.isArray(prev)) (prev as Array<string | FlatRecord>).push(value);
    else out[c.name] = [prev, value] as string[] | FlatRecord[];
  }
  return out;
}

/**
 * The list under the root, whatever the root is called. A root whose children are all leaves is
 * itself one record (a server that sent a single `<request>` as the document).
 */
export function xmlRecords(root: XmlNode): { readonly root: string; readonly records: FlatRecord[] } {
  if (root.children.length > 0 && root.children.every(_isLeaf)) {
    return { root: root.name, records: [xmlRecord(root)] };
  }
  return { root: root.name, records: root.children.filter((c) => !_isLeaf(c)).map(xmlRecord) };
}
