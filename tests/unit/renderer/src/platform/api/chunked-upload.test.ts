import { describe, expect, it } from 'vitest';
import { sendChunks } from '../../../../../../renderer/src/platform/api/chunked-upload';

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
const file = new File([bytes], '台账.csv');

/** A core that keeps what it is sent at its offset; `lose` drops the n-th chunk once. */
function core(lose?: number) {
  const got = new Uint8Array(bytes.length);
  let received = 0;
  let n = 0;
  const offsets: number[] = [];
  const send = (offset: number, data: string) => {
    offsets.push(offset);
    n++;
    if (n !== lose && offset === received) {
      const part = Buffer.from(data, 'base64');
      got.set(part, offset);
      received += part.length;
    }
    return Promise.resolve({ received });
  };
  return { send, got, offsets };
}

describe('sendChunks', () => {
  it('sends the file in chunks, with progress, and the core has every byte', async () => {
    const c = core();
    const progress: number[] = [];
    await sendChunks(file, 0, 4096, c.send, (f) => progress.push(f));
    expect(c.offsets).toEqual([0, 4096, 8192]);
    expect(Buffer.from(c.got).equals(Buffer.from(bytes))).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('resends from what the core has when a chunk is lost, and resumes from `received`', async () => {
    const c = core(2);
    await sendChunks(file, 0, 4096, c.send, () => undefined);
    expect(c.offsets).toEqual([0, 4096, 4096, 8192]);
    expect(Buffer.from(c.got).equals(Buffer.from(bytes))).toBe(true);
    const resumed: number[] = [];
    await sendChunks(
      file,
      8192,
      4096,
      (offset) => (resumed.push(offset), Promise.resolve({ received: 10_000 })),
      () => undefined,
    );
    expect(resumed).toEqual([8192]);
  });

  it('gives up when the core stops taking the file', async () => {
    const stuck = (): Promise<{ received: number }> => Promise.resolve({ received: 0 });
    await expect(sendChunks(file, 0, 4096, stuck, () => undefined)).rejects.toThrow('上传没有进展');
  });
});
