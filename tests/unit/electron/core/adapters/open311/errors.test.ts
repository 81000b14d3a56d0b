/** What a person reads when the Open311 connector fails (issue 12 item 10): Chinese, not `terminated`. */
import { describe, expect, it } from 'vitest';
import {
  describeOpen311Error,
  technicalDetail,
} from '../../../../../../electron/core/adapters/open311/errors';
import { Open311ResponseError } from '../../../../../../electron/core/adapters/open311/parse';

const withCode = (message: string, code: string): Error =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

describe('describeOpen311Error', () => {
  it('turns transport errors into sentences', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeOpen311Error(timeout)).toBe('Open311 服务器 20 秒内没有应答（超时）');
    expect(describeOpen311Error(new TypeError('terminated'))).toBe(
      '与 Open311 服务器的连接在传输中断开，收到的内容不完整',
    );
    expect(describeOpen311Error(withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'))).toBe(
      'Open311 服务器拒绝连接（服务未启动或地址、端口有误）',
    );
    expect(describeOpen311Error(withCode('getaddrinfo ENOTFOUND city.example', 'ENOTFOUND'))).toMatch(
      /^找不到 Open311 服务器的地址/,
    );
    expect(describeOpen311Error(new Error('something odd'))).toBe(
      '与 Open311 服务器通信失败（未知原因，详见日志）',
    );
  });

  it('names an HTML page (a maintenance page, also with status 200) and a cut-off body', () => {
    const html = new Open311ResponseError('上游返回了 HTML 页面而不是数据 (HTTP 200): 系统维护中', 200);
    expect(describeOpen311Error(html)).toBe(
      'Open311 服务器返回了网页而不是数据（HTTP 200，页面标题“系统维护中”），多半正在维护或出错',
    );
    const cut = new Open311ResponseError('JSON 无法解析: Unexpected end of JSON input', null);
    expect(describeOpen311Error(cut)).toMatch(/^Open311 服务器的应答不完整或格式错误/);
  });

  it('keeps the technical detail for the log', () => {
    expect(technicalDetail(withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'))).toBe(
      'TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9) [ECONNREFUSED]',
    );
  });
});
