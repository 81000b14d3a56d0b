/**
 * The demo's three-level category catalogue: a realistic subset of Beijing 12345 and 数字城管
 * catalogues (~11 major, ~60 minor, ~200 leaf classes). Leaf names are phrased as the problem
 * a citizen or grid worker reports, so they double as order titles.
 *
 * Leaf spec: "名称" or "名称|P1" or "名称|P2|tag,tag". Tags steer the order generator:
 *  heating (heating-season spike) · flood (summer ×1.5) · grid (grid-patrol pool) · iot (IoT pool)
 *  · outage (holiday outages) · hard (complex, slow)
 */
import type { Urgency } from '../../../../../shared/features/orders/order';
import type { IntakeQuestion } from '../../../../../shared/features/reference/catalogue';

/** Who handles a minor class: a street-wide unit key, or per-community property/office. */
export type UnitKey =
  | 'chengguan'
  | 'zhujian'
  | 'shichang'
  | 'police'
  | 'sanitation'
  | 'greening'
  | 'traffic'
  | 'water'
  | 'power'
  | 'heating'
  | 'gas'
  | 'property'
  | 'community'
  | 'safety'
  | 'social'
  | 'health'
  | 'education'
  | 'civil'
  | 'citymgmt';

export interface MinorSpec {
  readonly name: string;
  readonly unit: UnitKey;
  readonly leaves: readonly string[];
}

export interface MajorSpec {
  readonly name: string;
  /** Share of street-level hotline orders (relative weight). */
  readonly hotlineWeight: number;
  readonly minors: readonly MinorSpec[];
  /** Sentences that describe the situation, appended to descriptions. */
  readonly details: readonly string[];
}

export const CATALOGUE: readonly MajorSpec[] = [
  {
    name: '住房管理',
    hotlineWeight: 26,
    details: [
      '已多次联系物业未果',
      '问题已持续一周以上',
      '影响全楼住户正常生活',
      '老人和孩子出行不便',
      '物业称需业主自行解决',
    ],
    minors: [
      {
        name: '物业服务',
        unit: 'property',
        leaves: [
          '物业不作为|P3|hard',
          '物业费收费争议|P3|hard',
          '小区环境卫生差',
          '小区门禁损坏',
          '物业人员服务态度差',
          '小区监控损坏',
        ],
      },
      {
        name: '房屋维修',
        unit: 'property',
        leaves: [
          '楼顶漏雨|P2|flood',
          '外墙皮脱落|P1',
          '楼道灯不亮',
          '单元门损坏',
          '屋内渗水|P2|flood',
          '老旧电梯频繁故障|P1',
        ],
      },
      {
        name: '公共设施',
        unit: 'property',
        leaves: [
          '小区路面破损',
          '小区健身器材损坏',
          '小区化粪池堵塞|P1',
          '小区下水道堵塞|P2|flood',
          '楼道堆物占用|P2|grid',
        ],
      },
      {
        name: '房屋租赁',
        unit: 'zhujian',
        leaves: ['群租房扰民|P3|hard', '中介违规经营|P3', '租房押金纠纷|P3', '房屋中介乱收费'],
      },
      {
        name: '老旧小区改造',
        unit: 'zhujian',
        leaves: ['加装电梯进度咨询', '老旧小区改造施工扰民', '改造后遗留问题|P3|hard', '外墙保温施工质量'],
      },
      {
        name: '业委会与维修资金',
        unit: 'community',
        leaves: ['业委会选举咨询', '维修资金使用咨询', '业主大会组织问题|P3|hard'],
      },
    ],
  },
  {
    name: '城乡建设',
    hotlineWeight: 7,
    details: ['现场已持续施工多日', '存在安全隐患', '周边居民意见较大', '施工方未公示许可'],
    minors: [
      {
        name: '违法建设',
        unit: 'chengguan',
        leaves: ['楼顶私搭乱建|P3|hard,grid', '小区绿地违建|P3|hard', '底商违规扩建|P3', '私自开墙打洞|P3'],
      },
      {
        name: '施工管理',
        unit: 'zhujian',
        leaves: ['夜间施工扰民', '施工渣土遗撒|P2|grid', '施工围挡破损', '施工占道未审批'],
      },
      {
        name: '市政设施',
        unit: 'zhujian',
        leaves: [
          '道路坑洼破损',
          '井盖缺失|P1|iot,grid',
          '井盖破损|P1|grid',
          '人行道砖松动|P2|grid',
          '路面塌陷|P0',
        ],
      },
      {
        name: '排水设施',
        unit: 'water',
        leaves: ['道路积水|P1|flood,iot', '雨水井堵塞|P2|flood,grid', '污水冒溢|P1|flood'],
      },
      {
        name: '房屋安全',
        unit: 'zhujian',
        leaves: ['房屋裂缝|P1', '危房安全隐患|P1|hard', '阳台悬挂物坠落风险|P1'],
      },
    ],
  },
  {
    name: '市场管理',
    hotlineWeight: 9,
    details: ['商家拒绝退款', '已保留购物凭证', '多人反映同样问题', '商家态度恶劣'],
    minors: [
      {
        name: '消费维权',
        unit: 'shichang',
        leaves: ['预付卡退费难|P3|hard', '商家拒不退货', '价格欺诈', '虚假宣传'],
      },
      {
        name: '食品安全',
        unit: 'shichang',
        leaves: ['餐馆卫生差', '售卖过期食品|P1', '无证餐饮经营', '外卖后厨卫生'],
      },
      { name: '无照经营', unit: 'shichang', leaves: ['无照经营|P2|grid', '超范围经营', '非法回收'] },
      { name: '价格监管', unit: 'shichang', leaves: ['停车场乱收费', '明码标价不规范', '哄抬物价'] },
      { name: '特种设备', unit: 'shichang', leaves: ['商场电梯故障|P1', '燃气瓶违规存放|P1|grid'] },
      {
        name: '广告管理',
        unit: 'chengguan',
        leaves: ['违规户外广告|P2|grid', '张贴小广告|P2|grid', '广告牌松动|P1|grid'],
      },
    ],
  },
  {
    name: '公共服务',
    hotlineWeight: 12,
    details: ['家中有老人和婴儿', '室温只有十几度', '已联系供热站未解决', '问题已出现多日', '影响正常生活'],
    minors: [
      {
        name: '供暖',
        unit: 'heating',
        leaves: [
          '暖气不热|P1|heating',
          '暖气漏水|P1|heating',
          '供暖费缴纳咨询|P2|heating',
          '暖气管道异响|P2|heating',
          '停暖|P1|heating,outage',
        ],
      },
      {
        name: '供水',
        unit: 'water',
        leaves: ['停水|P1|outage', '水压低', '水质浑浊|P1', '水表故障', '供水管道漏水|P1|flood'],
      },
      {
        name: '供电',
        unit: 'power',
        leaves: ['停电|P1|outage', '电压不稳', '电表故障', '电线私拉乱接|P1|grid'],
      },
      {
        name: '燃气',
        unit: 'gas',
        leaves: ['燃气泄漏|P0|iot', '燃气表故障', '燃气开通咨询', '燃气费缴纳咨询'],
      },
      {
        name: '公交服务',
        unit: 'traffic',
        leaves: ['公交车不按站停靠', '公交线路调整咨询', '公交站台损坏', '公交车司机态度差'],
      },
      {
        name: '通信与网络',
        unit: 'citymgmt',
        leaves: ['通信线缆下垂|P2|grid', '弱电箱损坏', '宽带施工扰民'],
      },
    ],
  },
  {
    name: '交通管理',
    hotlineWeight: 7,
    details: ['高峰时段尤为严重', '影响消防通道通行', '已持续较长时间', '存在交通安全隐患'],
    minors: [
      {
        name: '停车管理',
        unit: 'traffic',
        leaves: [
          '小区停车难',
          '违章停车占道|P2|grid',
          '占用消防通道停车|P1|grid',
          '僵尸车清理',
          '路侧停车收费咨询',
        ],
      },
      {
        name: '交通设施',
        unit: 'traffic',
        leaves: ['信号灯故障|P1', '交通标线不清', '交通标志缺失', '护栏损坏|P2|grid'],
      },
      {
        name: '非机动车管理',
        unit: 'traffic',
        leaves: ['共享单车乱停放|P2|grid', '电动自行车楼道充电|P1|grid', '非机动车道被占'],
      },
      { name: '交通秩序', unit: 'police', leaves: ['路口拥堵', '渣土车超速', '学校门口交通拥堵'] },
    ],
  },
  {
    name: '环境保护',
    hotlineWeight: 6,
    details: ['夜间尤为严重', '严重影响休息', '已持续多日', '周边居民反映强烈'],
    minors: [
      {
        name: '噪声污染',
        unit: 'chengguan',
        leaves: ['商铺噪音扰民', '广场舞噪音扰民', '空调外机噪音', '装修噪音扰民'],
      },
      {
        name: '大气污染',
        unit: 'chengguan',
        leaves: ['餐饮油烟扰民', '露天烧烤|P2|grid', '焚烧垃圾|P1|grid', '扬尘污染'],
      },
      { name: '水污染', unit: 'water', leaves: ['河道异味', '违规排放污水|P1'] },
      { name: '光污染与异味', unit: 'chengguan', leaves: ['灯光扰民', '垃圾站异味'] },
    ],
  },
  {
    name: '市容环卫',
    hotlineWeight: 8,
    details: ['影响市容环境', '行人通行不便', '夏季蚊蝇滋生', '多次清理后又出现'],
    minors: [
      {
        name: '道路保洁',
        unit: 'sanitation',
        leaves: ['道路不洁|P2|grid', '积存垃圾渣土|P2|grid', '道路积雪未清', '垃圾桶满溢|P2|grid'],
      },
      {
        name: '垃圾分类',
        unit: 'sanitation',
        leaves: ['垃圾分类不规范|P2|grid', '垃圾清运不及时', '大件垃圾乱堆|P2|grid', '装修垃圾乱倒|P2|grid'],
      },
      {
        name: '街面秩序',
        unit: 'chengguan',
        leaves: ['占道经营|P2|grid', '店外经营|P2|grid', '流动摊贩|P2|grid', '沿街晾晒|P3|grid'],
      },
      {
        name: '园林绿化',
        unit: 'greening',
        leaves: [
          '树木倒伏|P1|flood,grid',
          '树枝遮挡|P2|grid',
          '绿地损坏|P2|grid',
          '树木病虫害',
          '毁绿种菜|P2|grid',
        ],
      },
      { name: '公厕管理', unit: 'sanitation', leaves: ['公厕卫生差', '公厕设施损坏', '公厕开放时间咨询'] },
      {
        name: '城市照明',
        unit: 'citymgmt',
        leaves: ['路灯不亮|P2|grid', '景观灯损坏', '路灯杆倾斜|P1|grid'],
      },
    ],
  },
  {
    name: '社会秩序',
    hotlineWeight: 5,
    details: ['存在安全隐患', '希望加强巡查', '多次反映未解决', '周边居民担忧'],
    minors: [
      {
        name: '治安管理',
        unit: 'police',
        leaves: ['可疑人员出没', '小区盗窃|P1', '酒后滋事|P1', '电信诈骗咨询'],
      },
      {
        name: '消防安全',
        unit: 'safety',
        leaves: ['消防设施损坏|P1|grid', '楼道堆放易燃物|P1|grid', '烟感报警|P0|iot', '消防通道堵塞|P1|grid'],
      },
      {
        name: '邻里纠纷',
        unit: 'community',
        leaves: ['邻里纠纷', '楼上漏水纠纷|P2|flood', '饲养宠物扰民', '占用公共空间纠纷'],
      },
      { name: '动物管理', unit: 'police', leaves: ['犬只伤人|P1', '遛狗不牵绳', '流浪动物'] },
      {
        name: '安全生产',
        unit: 'safety',
        leaves: ['小区电动车充电安全', '商户安全隐患|P1', '有限空间作业隐患|P1'],
      },
    ],
  },
  {
    name: '劳动社保',
    hotlineWeight: 4,
    details: ['涉及多名工人', '单位拒绝协商', '急需办理', '不清楚办理流程'],
    minors: [
      { name: '劳动关系', unit: 'social', leaves: ['拖欠工资|P3|hard', '未签劳动合同', '违法解除合同|P3'] },
      { name: '社会保险', unit: 'social', leaves: ['社保缴纳咨询', '医保报销咨询', '养老金领取咨询'] },
      { name: '就业服务', unit: 'social', leaves: ['就业登记咨询', '失业金申领咨询', '职业培训咨询'] },
      { name: '社会救助', unit: 'civil', leaves: ['低保申请咨询', '困难救助申请', '残疾人补贴咨询'] },
      {
        name: '养老服务',
        unit: 'civil',
        leaves: ['养老驿站服务咨询', '老年餐桌咨询', '高龄补贴咨询', '居家养老服务'],
      },
    ],
  },
  {
    name: '医疗卫生',
    hotlineWeight: 5,
    details: ['希望尽快解决', '对服务不满意', '已多次咨询未得到答复'],
    minors: [
      {
        name: '医疗服务',
        unit: 'health',
        leaves: ['社区医院服务态度', '挂号难', '家庭医生签约咨询', '预约挂号咨询'],
      },
      { name: '公共卫生', unit: 'health', leaves: ['病媒生物防治', '疫苗接种咨询', '健康证办理咨询'] },
      { name: '医疗保障', unit: 'health', leaves: ['异地就医备案咨询', '门诊报销比例咨询', '慢病取药咨询'] },
      { name: '卫生监督', unit: 'health', leaves: ['无证行医|P1', '美容美发卫生问题', '游泳场所卫生'] },
    ],
  },
  {
    name: '教育',
    hotlineWeight: 4,
    details: ['家长意见较大', '希望相关部门核实', '临近入学时间'],
    minors: [
      { name: '入学政策', unit: 'education', leaves: ['小学入学咨询', '幼儿园入园咨询', '学区划片咨询'] },
      { name: '校外培训', unit: 'education', leaves: ['校外培训退费|P3|hard', '违规开办培训班'] },
      { name: '校园周边', unit: 'education', leaves: ['校园周边安全', '校门口摆摊|P2|grid'] },
      { name: '托育服务', unit: 'education', leaves: ['托育机构咨询', '普惠托育名额咨询'] },
    ],
  },
  {
    name: '社区服务',
    hotlineWeight: 7,
    details: ['希望社区协调解决', '需要上门服务', '居民多次提出'],
    minors: [
      {
        name: '社区事务',
        unit: 'community',
        leaves: ['居住证明开具咨询', '社区活动建议', '社区工作人员态度', '便民服务建议'],
      },
      { name: '为老助残', unit: 'community', leaves: ['独居老人帮扶', '助餐服务需求', '无障碍设施缺失'] },
      { name: '志愿服务', unit: 'community', leaves: ['志愿者上门帮扶', '代购代办需求', '陪诊需求'] },
      { name: '便民设施', unit: 'community', leaves: ['快递柜设置建议', '便民菜站建议', '充电桩建设建议'] },
    ],
  },
  // The two classes below come last and have no hotline weight: the order generator never draws
  // them (appending keeps every earlier code and every seeded order as it was).
  {
    // Emergencies belong to 110 / 119 / 120: the intake form diverts the caller, nothing is saved.
    name: '紧急警情',
    hotlineWeight: 0,
    details: [],
    minors: [
      { name: '火警', unit: 'safety', leaves: ['正在起火冒烟|P0|divert'] },
      { name: '急救', unit: 'health', leaves: ['有人受伤或突发疾病|P0|divert'] },
      { name: '警情', unit: 'police', leaves: ['正在发生的盗抢斗殴|P0|divert'] },
    ],
  },
  {
    // Staff channels only (grid patrols, sensors, proactive rounds): hidden from citizen intake.
    name: '感知与巡查',
    hotlineWeight: 0,
    details: [],
    minors: [
      {
        name: '物联告警',
        unit: 'citymgmt',
        leaves: ['井盖位移报警|P1|staff', '积水深度超限|P1|staff', '可燃气体浓度超限|P0|staff'],
      },
      {
        name: '巡查发现',
        unit: 'citymgmt',
        leaves: ['巡查发现安全隐患|P2|staff', '巡查发现设施损坏|P2|staff'],
      },
    ],
  },
];

/** Where an emergency class sends the caller, with the notice the intake form shows. */
export const EMERGENCY_DIVERSIONS: Readonly<
  Record<string, { service: '110' | '119' | '120'; notice: string }>
> = {
  正在起火冒烟: {
    service: '119',
    notice: '正在发生的火情请立即拨打 119 火警电话，并引导群众撤离到安全地带；本中心不受理火情报警。',
  },
  有人受伤或突发疾病: {
    service: '120',
    notice: '有人受伤或突发疾病请立即拨打 120 急救电话，保持通话并照看伤病员；本中心不受理急救。',
  },
  正在发生的盗抢斗殴: {
    service: '110',
    notice: '正在发生的违法犯罪请立即拨打 110 报警，注意自身安全；本中心不受理警情。',
  },
};

const YES_NO = { kind: 'yesno' } as const;

/** The questions the intake form asks per leaf (answers 是 / 否 for yes-no questions). */
export const INTAKE_QUESTIONS: Readonly<Record<string, readonly IntakeQuestion[]>> = {
  燃气泄漏: [
    { id: 'smell', text: '是否闻到明显的燃气味', ...YES_NO, required: true },
    {
      id: 'trapped',
      text: '是否有人员被困或出现不适',
      ...YES_NO,
      required: true,
      escalate: { answer: '是', urgency: 'P0' },
    },
    { id: 'valve', text: '是否已关闭燃气总阀、开窗通风', ...YES_NO },
  ],
  停水: [
    {
      id: 'scope',
      text: '停水范围',
      kind: 'choice',
      options: ['本户', '本楼', '整个小区', '不清楚'],
      required: true,
    },
    { id: 'since', text: '从什么时候开始', kind: 'text' },
  ],
  停电: [
    {
      id: 'scope',
      text: '停电范围',
      kind: 'choice',
      options: ['本户', '本楼', '整个小区', '不清楚'],
      required: true,
    },
    {
      id: 'medical',
      text: '家中是否有依赖用电的医疗设备',
      ...YES_NO,
      escalate: { answer: '是', urgency: 'P0' },
    },
  ],
  犬只伤人: [
    {
      id: 'injured',
      text: '是否有人受伤需要就医',
      ...YES_NO,
      required: true,
      escalate: { answer: '是', urgency: 'P0' },
    },
  ],
  楼道堆放易燃物: [
    {
      id: 'burning',
      text: '是否已经起火冒烟',
      ...YES_NO,
      required: true,
      escalate: { answer: '是', urgency: 'P0' },
    },
  ],
  外墙皮脱落: [
    {
      id: 'people',
      text: '下方是否有行人通行',
      ...YES_NO,
      required: true,
      escalate: { answer: '是', urgency: 'P0' },
    },
  ],
  楼顶漏雨: [
    { id: 'electric', text: '是否漏到电器或电线', ...YES_NO, escalate: { answer: '是', urgency: 'P1' } },
  ],
  商场电梯故障: [
    {
      id: 'trapped',
      text: '是否有人员被困在电梯内',
      ...YES_NO,
      required: true,
      escalate: { answer: '是', urgency: 'P0' },
    },
  ],
};

export interface LeafInfo {
  readonly code: string;
  readonly name: string;
  readonly urgency: Urgency;
  readonly tags: readonly string[];
  readonly majorIndex: number;
  readonly minorCode: string;
  readonly unit: UnitKey;
}

/** Flattens the spec into leaves with their codes ('NN', 'NN.NN', 'NN.NN.NNN'). */
export function catalogueLeaves(): LeafInfo[] {
  const out: LeafInfo[] = [];
  CATALOGUE.forEach((major, mi) => {
    const majorCode = String(mi + 1).padStart(2, '0');
    major.minors.forEach((minor, ni) => {
      const minorCode = `${majorCode}.${String(ni + 1).padStart(2, '0')}`;
      minor.leaves.forEach((spec, li) => {
        const [name = spec, urg = 'P2', tags = ''] = spec.split('|');
        out.push({
          code: `${minorCode}.${String(li + 1).padStart(3, '0')}`,
          name,
          urgency: urg as Urgency,
          tags: tags ? tags.split(',') : [],
          majorIndex: mi,
          minorCode,
          unit: minor.unit,
        });
      });
    });
  });
  return out;
}
