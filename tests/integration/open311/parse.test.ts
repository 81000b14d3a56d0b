/** Our parsing of the GeoReport v2 spec's examples and of real server responses (tests/fixtures/open311). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpen311Date } from '../../../electron/core/adapters/open311/dates';
import { Open311ResponseError, parseBody } from '../../../electron/core/adapters/open311/parse';
import { RequestRecord, ServiceRecord, UpdateRecord } from '../../../electron/core/adapters/open311/records';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/open311', name), 'utf8');

describe('GeoReport v2 spec examples', () => {
  it("reads GET requests (JSON, with the spec's own leading-zero service_code) with exact values", () => {
    const body = parseBody(fixture('spec-requests.json'));
    expect(body.records).toHaveLength(2);
    const r = RequestRecord.parse(body.records[0]);
    expect(r.service_request_id).toBe('638344');
    expect(r.status).toBe('closed');
    expect(r.status_notes).toBe('Duplicate request.');
    expect(r.service_name).toBe('Sidewalk and Curb Issues');
    expect(r.service_code).toBe('006');
    expect(r.description).toBeUndefined();
    expect(r.address).toBe('8TH AVE and JUDAH ST');
    expect(r.address_id).toBe('545483');
    expect(r.zipcode).toBe('94122');
    expect(r.lat).toBe(37.762221815);
    expect(r.long).toBe(-122.4651145);
    expect(r.media_url).toEqual(['http://city.gov.s3.amazonaws.com/requests/media/638344.jpg']);
    expect(parseOpen311Date(r.requested_datetime, 0).ms).toBe(Date.UTC(2010, 3, 14, 14, 37, 38));
    expect(parseOpen311Date(r.expected_datetime, 0).ms).toBe(Date.UTC(2010, 3, 15, 14, 37, 38));
    expect(RequestRecord.parse(body.records[1]).status).toBe('open');
  });

  it('reads the same requests from XML (real mock) to the same values', () => {
    const xml = parseBody(fixture('service-requests.xml'));
    const json = parseBody(fixture('spec-requests.json'));
    expect(xml.format).toBe('xml');
    expect(xml.root).toBe('service_requests');
    const a = xml.records.map((r) => RequestRecord.parse(r));
    const b = json.records.map((r) => RequestRecord.parse(r));
    expect(a).toEqual(b);
  });

  it('reads one request, a token and the POST response', () => {
    expect(RequestRecord.parse(parseBody(fixture('service-request.xml')).records[0]).service_request_id).toBe(
      '638344',
    );
    const tok = RequestRecord.parse(parseBody(fixture('token.xml')).records[0]);
    expect([tok.service_request_id, tok.token]).toEqual(['638344', '12345']);
    expect(RequestRecord.parse(parseBody(fixture('boston-submitrequest-token.xml')).records[0]).token).toBe(
      '503fc045901932078800163c',
    );
    expect(RequestRecord.parse(parseBody(fixture('spec-token-response.json')).records[0]).token).toBe(
      '12345',
    );
    const post = RequestRecord.parse(parseBody(fixture('spec-post-request-response.json')).records[0]);
    expect(post.service_request_id).toBe('293944');
  });

  it('reads services: the spec example and the real DC list (entities decoded)', () => {
    const spec = parseBody(fixture('spec-services.json')).records.map((r) => ServiceRecord.parse(r));
    expect(spec.map((s) => s.service_code)).toEqual(['001', '002', '003']);
    expect(spec[0]?.service_name).toBe('Cans left out 24x7');
    expect(spec[2]?.group).toBe('street');
    const dc = parseBody(fixture('dc-services.xml')).records.map((r) => ServiceRecord.parse(r));
    expect(dc.length).toBeGreaterThan(50);
    expect(dc[0]).toMatchObject({
      service_code: 'CSRREPIS',
      service_name: '311 Online Reported Issues',
      type: 'realtime',
    });
    expect(dc[1]?.description).toContain('<br><br>If the vehicle');
  });

  it('reads the service-request-updates extension', () => {
    const u = UpdateRecord.parse(parseBody(fixture('fms-servicerequestupdates.xml')).records[0]);
    expect(u).toMatchObject({ update_id: '123456', service_request_id: '638344', status: 'closed' });
    expect(parseOpen311Date(u.updated_datetime, 0).ms).toBe(Date.UTC(2010, 3, 15, 14, 37, 38));
  });

  it('turns error lists (spec JSON, Boston XML) and error objects into a clear error', () => {
    expect(() => parseBody(fixture('spec-errors.json'), 403)).toThrow(/403: Invalid api_key received/);
    expect(() => parseBody(fixture('boston-err-submitrequest-base_is_duplicate.xml'), 400)).toThrow(
      /400: Invalid service request: base is a duplicate\./,
    );
    expect(() => parseBody('{"code":400,"description":"bad date"}', 400)).toThrow(/400: bad date/);
    expect(() => parseBody('<!DOCTYPE html><html><title>502 Bad Gateway</title></html>', 502)).toThrow(
      Open311ResponseError,
    );
    expect(() => parseBody('<!DOCTYPE html><html><title>502 Bad Gateway</title></html>', 502)).toThrow(
      /HTML.*502/,
    );
  });

  it('survives a BOM, one element where a list was expected, empty elements and another root', () => {
    const b = parseBody(
      '\uFEFF<?xml version="1.0"?><reqs><request><service_request_id>7</service_request_id><description/><lat></lat></request></reqs>',
    );
    expect(b.root).toBe('reqs');
    const r = RequestRecord.parse(b.records[0]);
    expect(r).toMatchObject({ service_request_id: '7' });
    expect(r.description).toBeUndefined();
    expect(r.lat).toBeUndefined();
    expect(parseBody('\uFEFF[{"service_request_id":"A-1"}]').records).toHaveLength(1);
    expect(parseBody('{"service_request_id":"A-1","status":"open"}').records).toHaveLength(1);
    const media = RequestRecord.parse({ media_url: ['http://a/1.jpg', 'http://a/2.jpg'] });
    expect(media.media_url).toEqual(['http://a/1.jpg', 'http://a/2.jpg']);
  });

  it('reads dates with and without milliseconds and offsets; 1970 is blank', () => {
    const t = Date.UTC(2026, 10, 26, 4, 0, 0);
    expect(parseOpen311Date('2026-11-26T04:00:00Z', 0).ms).toBe(t);
    expect(parseOpen311Date('2026-11-26T04:00:00.000Z', 0).ms).toBe(t);
    expect(parseOpen311Date('2026-11-26T12:00:00+08:00', 0).ms).toBe(t);
    expect(parseOpen311Date('2026-11-26T04:00:00+0000', 0).ms).toBe(t);
    expect(parseOpen311Date('2026-11-26T04:00:00+00:00', 0).ms).toBe(t);
    expect(parseOpen311Date('2026-11-26T12:00:00', 480)).toEqual({ ms: t, note: 'naive' });
    expect(parseOpen311Date('1970-01-01T00:00:00Z', 0)).toEqual({ ms: null, note: 'blank' });
    expect(parseOpen311Date('yesterday', 0)).toEqual({ ms: null, note: 'unreadable' });
  });
});
