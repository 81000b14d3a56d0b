/**
 * import.createCategory — 新建历史分类 (docs/IMPORT.md, "history categories"). A 台账 written
 * under an older or a local catalogue names categories the district's catalogue lacks; a person
 * maps each to a catalogue category or, where none fits, creates it here as a 历史分类 under a
 * catalogue class: it counts in the statistics of the imported history and is never offered,
 * suggested or accepted for a new order (categoriesForChannel, triage.suggest, checkIntake).
 *
 * Its code is the class's + a leaf number from 901 up: the 9xx leaves are the hall's (the
 * district numbers its leaves from 001), so the code passes every check of a category code. A
 * code the district's catalogue takes later is the catalogue's (store/reference.ts).
 */
import { ApiError } from '../../../../shared/contract/index';
import type { Category } from '../../../../shared/features/reference/catalogue';
import { insertAudit } from '../../store/audit';
import type { Handler } from '../../runtime/context';
import { referenceIndex } from '../reference';
import { historyCategoryCodes, insertHistoryCategory } from './queries';

const FIRST_LEAF = 901;
const LAST_LEAF = 999;

export const importCreateCategory: Handler<'import.createCategory'> = (input, call, env, tools) => {
  const db = env.db;
  const ref = referenceIndex(db);
  if (!ref.loaded) throw new ApiError('no_reference');
  const parent = ref.categories.get(input.parentCode);
  if (!parent || parent.level !== 2)
    throw ApiError.why('invalid_input', '所属的二级分类不在目录中', 'parentCode');
  const siblings = [...ref.categories.values()].filter((c) => c.parentCode === parent.code);
  const same = siblings.find((c) => c.name === input.name);
  // The same name again (a second file, a second click) is the same category.
  if (same?.historyOnly) return same;
  if (same) throw ApiError.why('invalid_input', `「${same.name}」已在目录中，请直接选择它`, 'name');
  const taken = new Set([...siblings.map((c) => c.code), ...historyCategoryCodes(db, parent.code)]);
  let code: string | null = null;
  for (let n = FIRST_LEAF; n <= LAST_LEAF && code === null; n++) {
    const c = `${parent.code}.${n}`;
    if (!taken.has(c)) code = c;
  }
  if (code === null) throw ApiError.why('invalid_input', '该分类下的历史分类已满', 'parentCode');
  const category: Category = {
    code,
    name: input.name,
    level: 3,
    parentCode: parent.code,
    defaultUrgency: parent.defaultUrgency,
    historyOnly: true,
  };
  db.transaction(() => {
    insertHistoryCategory(db, category, env.now(), call.actor);
    insertAudit(db, {
      at: env.now(),
      actor: call.actor,
      action: 'import.createCategory',
      detail: JSON.stringify({ code, name: input.name, parentCode: parent.code }),
    });
  })();
  tools.hint({ topic: 'reference.changed' });
  return category;
};
