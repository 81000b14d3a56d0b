/**
 * The demo street's reply templates (办结答复模板): a few per common class, phrased as a street
 * office answers a citizen, and some general ones. Keyed by category name; codes come from the
 * generated catalogue.
 */
import type { ReplyTemplate } from '../../../../../shared/features/templates/contract';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';

const BY_NAME: ReadonlyArray<readonly [category: string | null, title: string, body: string]> = [
  [
    null,
    '已办结（通用）',
    '您反映的问题已由相关单位处理完毕，现场已恢复正常。感谢您对街道工作的支持，如仍有问题请再次联系我们。',
  ],
  [
    null,
    '已解释说明（通用）',
    '经核实，您反映的情况已向您当面（电话）作了解释说明，相关政策依据已告知。感谢您的理解与支持。',
  ],
  [
    '噪声污染',
    '噪音已制止',
    '接诉后执法人员已到现场核查，对产生噪音的商户（个人）进行了劝导并责令整改，噪音已停止。后续将加强巡查。',
  ],
  ['停车管理', '违停已清理', '接诉后已联系交管部门到场处置，违停车辆已驶离，已在该路段增加巡查频次。'],
  ['道路保洁', '已清扫保洁', '环卫人员已对该路段进行清扫，积存垃圾已清运完毕，后续将加强保洁频次。'],
  ['垃圾分类', '垃圾已清运', '已协调环卫公司对垃圾进行清运，并对相关人员开展了垃圾分类宣传。'],
  ['物业服务', '已督促物业整改', '街道已约谈物业公司，物业已按要求完成整改，并承诺建立长效管理机制。'],
  ['房屋维修', '已完成维修', '已协调物业（产权单位）完成维修，经现场查看已恢复正常使用。'],
  ['供暖', '供暖已恢复', '已协调供热单位上门排查，问题已处理，室温已达标。如再有不热情况请及时反映。'],
  ['供水', '供水已恢复', '已协调自来水公司抢修，供水已恢复正常。'],
  ['城市照明', '路灯已修复', '已协调照明管理单位维修，路灯已恢复正常照明。'],
  ['街面秩序', '占道已清理', '城管执法人员已到场处置，占道经营已清理，后续将持续巡查防止反弹。'],
];

export function demoTemplates(ref: ReferenceData, now: number): ReplyTemplate[] {
  const codeOf = new Map(ref.categories.map((c) => [c.name, c.code]));
  return BY_NAME.flatMap(([name, title, body], i) => {
    const categoryCode = name === null ? null : (codeOf.get(name) ?? undefined);
    if (categoryCode === undefined) return [];
    return [
      {
        id: `tpl-demo-${String(i + 1).padStart(2, '0')}`,
        categoryCode,
        title,
        body,
        updatedAt: now,
        updatedBy: 'system',
      },
    ];
  });
}
