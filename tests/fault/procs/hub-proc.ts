/**
 * Child process of the fault tests: the reference hub on a fixed port, publishing the test
 * street's reference data on first start. argv: dataDir port token [standby]
 */
import { startHub } from '../../../electron/core/adapters/hub/hub-server';
import { readReference, writeReference } from '../../../electron/core/store/reference';
import { appendReferenceItem } from '../../../electron/core/features/sync/queries-hub';
import { TINY_REF } from '../../integration/store/fixtures';
import { waitForGo } from './wait-go';

const [dataDir, port, token, standby] = process.argv.slice(2) as [string, string, string, string | undefined];

async function main(): Promise<void> {
  if (standby === 'standby') await waitForGo();
  const hub = await startHub({ dataDir, port: Number(port), registrationToken: token });
  if (!readReference(hub.db)) {
    hub.db.transaction(() => {
      writeReference(hub.db, TINY_REF);
      appendReferenceItem(hub.db, TINY_REF.version, TINY_REF, hub.node);
    })();
  }
  process.stdout.write(`READY ${hub.url}\n`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
