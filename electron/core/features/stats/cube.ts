/** stats.cube: orders received per category × community × month. */
import { chinaMonthRange } from '../../../../shared/kernel/china-time';
import type { Handler } from '../../runtime/context';
import { receivedCube } from './queries';

/** Characters of a category code at each level: `01`, `01.02`, `01.02.003`. */
const CODE_CHARS = { 1: 2, 2: 5, 3: 9 } as const;

export const statsCube: Handler<'stats.cube'> = (input, _call, env) => {
  const [from] = chinaMonthRange(input.from);
  const [, to] = chinaMonthRange(input.to);
  return {
    from: input.from,
    to: input.to,
    level: input.level,
    cells: receivedCube(env.db, from, to, CODE_CHARS[input.level]),
  };
};
