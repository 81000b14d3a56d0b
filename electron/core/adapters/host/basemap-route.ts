/** The HTTP host's answer to `/basemap/...` (tiles with Content-Encoding, PMTiles with ranges). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BasemapCatalog } from '../basemap/catalog';
import { answerBasemap } from '../basemap/serve';
import { sendFileRange } from './static-files';

/** Offline basemap tiles and PMTiles files (electron/core/adapters/basemap/serve.ts). */
export async function serveBasemap(
  basemaps: BasemapCatalog,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  headers: Record<string, string>,
): Promise<void> {
  const answer = await answerBasemap(basemaps, url.pathname);
  // Tiles of an imported file may change under the same name: revalidate after a minute.
  headers['Cache-Control'] = 'public, max-age=60';
  if (answer.kind === 'not_found') {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('未找到底图 (Not found)');
    return;
  }
  if (answer.kind === 'busy') {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
    res.end('底图暂时无法读取 (Service unavailable)');
    return;
  }
  if (answer.kind === 'empty') {
    // No tile there (outside the street): MapLibre treats 204 as an empty tile, not an error.
    res.writeHead(204, headers);
    res.end();
    return;
  }
  if (answer.kind === 'file') {
    headers['Content-Type'] = 'application/vnd.pmtiles';
    sendFileRange(req, res, answer.path, answer.size, headers, true);
    return;
  }
  headers['Content-Type'] = answer.contentType;
  if (answer.gzipped) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = String(answer.data.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : answer.data);
}
