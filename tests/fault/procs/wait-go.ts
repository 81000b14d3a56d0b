/**
 * Standby start of the fault-test children: the process loads all its code, says LOADED, and
 * only opens its store when the test writes GO — so a restart after kill -9 is immediate (the
 * next instance was loaded while the previous one ran).
 */
export function waitForGo(): Promise<void> {
  process.stdout.write('LOADED\n');
  return new Promise((resolve) => {
    let buf = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c: string) => {
      buf += c;
      if (buf.includes('GO')) resolve();
    });
  });
}
