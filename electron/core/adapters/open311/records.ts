/**
 * The GeoReport record shapes, read tolerantly with zod: XML gives every value as a string and
 * empty elements as '', JSON servers send ids as numbers or strings, `media_url` as a string,
 * an array or nothing. A record that still fails is quarantined by the caller with the path
 * zod names.
 */
import { z } from 'zod';

/** Empty strings (XML's empty elements) and null mean "absent". */
const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

const idLike = z.preprocess(
  blank,
  z
    .union([z.string().trim().min(1).max(200), z.number().finite()])
    .transform(String)
    .optional(),
);
const text = (max: number) =>
  z.preprocess(
    blank,
    z
      .union([z.string(), z.number(), z.boolean()])
      .transform((v) => String(v).trim())
      .pipe(z.string().max(max, `超过 ${max} 个字符`))
      .optional(),
  );
const coordinate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v)),
  z.number({ error: '坐标不是数字' }).finite('坐标不是有限数').optional(),
);
const mediaUrl = z.preprocess(
  blank,
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== ''))
    .optional(),
);

export const ServiceRecord = z.object({
  service_code: idLike,
  service_name: text(500),
  description: text(5000),
  group: text(500),
  type: text(50),
  metadata: z.unknown().optional(),
});
export type ServiceRecord = z.output<typeof ServiceRecord>;

export const RequestRecord = z.object({
  service_request_id: idLike,
  token: idLike,
  status: text(64),
  status_notes: text(2000),
  service_name: text(200),
  service_code: idLike,
  description: text(5000),
  agency_responsible: text(500),
  service_notice: text(2000),
  requested_datetime: text(64),
  updated_datetime: text(64),
  expected_datetime: text(64),
  address: text(300),
  address_id: idLike,
  zipcode: idLike,
  lat: coordinate,
  long: coordinate,
  media_url: mediaUrl,
});
export type RequestRecord = z.output<typeof RequestRecord>;

export const UpdateRecord = z.object({
  update_id: idLike,
  service_request_id: idLike,
  status: text(64),
  updated_datetime: text(64),
  description: text(5000),
  media_url: mediaUrl,
});
export type UpdateRecord = z.output<typeof UpdateRecord>;

/** The first issue of a failed parse, in Chinese, naming the field. */
export function issueText(err: z.ZodError): string {
  const i = err.issues[0];
  if (!i) return '格式错误';
  const field = i.path.length ? i.path.join('.') : '(记录)';
  return `字段 ${field} 类型或格式错误: ${i.message}`;
}
