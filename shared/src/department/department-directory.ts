/**
 * Directory of the units named in the seed plan documents (fixtures/seeds 000, 001, 003, 004).
 *
 * Plans name departments in a short official form on first mention (省经济和信息化委) and
 * abbreviate afterwards (经济和信息化委, 经济和信息化, 经信委). The directory is what lets the
 * importer map every spelling to one unit, and gives each unit a stable `code` that doubles as a
 * demo login (`<code>@demo.gov`).
 *
 * Codes follow the pinyin-initial slugs Chinese government systems use (经信委 → jxw). Units that
 * belong to another unit (the 处室 of 省经济和信息化委, the offices and towns of 中山市) are
 * namespaced with their parent's code so that e.g. 省质监局 (zjj) and 中山市住房城乡建设局
 * (zs-zjj) cannot collide.
 */

export type DepartmentLevel = 'province' | 'city' | 'district' | 'town' | 'group';

export interface DirectoryDepartment {
  /** Unique slug, [a-z0-9-]; used as the demo login `<code>@demo.gov`. */
  code: string;
  /** Full name as first written in the documents, with its 省/市 prefix. */
  name: string;
  /** Other spellings the documents use (abbreviations, formal long names). */
  aliases: string[];
  level: DepartmentLevel;
  parentCode?: string;
}

const province = (code: string, name: string, aliases: string[] = [], parentCode?: string): DirectoryDepartment =>
  parentCode ? { code, name, aliases, level: 'province', parentCode } : { code, name, aliases, level: 'province' };

/** A 处室 (internal division) of 省经济和信息化委, as listed in 003. */
const jxwDivision = (slug: string, name: string, aliases: string[] = []): DirectoryDepartment =>
  province(`jxw-${slug}`, name, aliases, 'jxw');

/** A 中山市 department (004); the documents write them 市X局 with abbreviations X局. */
const zhongshan = (slug: string, name: string, aliases: string[] = []): DirectoryDepartment => ({
  code: `zs-${slug}`,
  name,
  aliases,
  level: 'city',
  parentCode: 'zs',
});

/** A 中山市 town or town-level district (004 附件2); Zhongshan has no county tier. */
const zhongshanTown = (slug: string, name: string, aliases: string[] = []): DirectoryDepartment => ({
  code: `zs-${slug}`,
  name,
  aliases,
  level: 'town',
  parentCode: 'zs',
});

export const DEPARTMENT_DIRECTORY: readonly DirectoryDepartment[] = Object.freeze([
  // --- Provincial government and its departments (000, 001) ---
  province('szf', '省人民政府', ['广东省人民政府', '省政府']),
  province('bgt', '省政府办公厅', ['广东省人民政府办公厅', '省人民政府办公厅', '省府办公厅']),
  province('jxw', '省经济和信息化委', [
    '经济和信息化委',
    '经济和信息化',
    '经信委',
    '省经信委',
    '广东省经济和信息化委员会',
    '省经济和信息化委员会',
  ]),
  province('fgw', '省发展改革委', ['发展改革委', '发改委', '省发改委']),
  province('kjt', '省科技厅', ['科技厅']),
  province('czt', '省财政厅', ['财政厅']),
  province('zjj', '省质监局', ['质监局', '省质量技术监督局']),
  province('zscqj', '省知识产权局', ['知识产权局']),
  province('wjmt', '省外经贸厅', ['外经贸厅']),
  province('gzw', '省国资委', ['国资委']),
  province('slt', '省水利厅', ['水利厅']),
  province('hbt', '省环境保护厅', ['环境保护厅', '环保厅', '省环保厅']),
  province('jrb', '省金融办', ['金融办']),
  province('rst', '省人力资源社会保障厅', ['人力资源社会保障厅', '人力资源和社会保障厅', '人社厅']),
  province('syjj', '省食品药品监管局', ['食品药品监管局', '食药监局']),
  province('ajj', '省安全监管局', ['安全监管局', '安监局']),
  province('jyt', '省教育厅', ['教育厅']),
  province('gtt', '省国土资源厅', ['国土资源厅', '国土厅', '省国土厅']),
  province('jst', '省建设厅', ['建设厅']),
  province('jtt', '省交通厅', ['交通厅']),
  province('nyt', '省农业厅', ['农业厅']),
  province('wht', '省文化厅', ['文化厅']),
  province('hyj', '省海洋渔业局', ['海洋渔业局']),
  province('lyj', '省旅游局', ['旅游局']),
  province('gyyqxh', '广东省工业园区协会', ['工业园区协会']),

  // --- Divisions of 省经济和信息化委 (003 lists them as its own 分工) ---
  jxwDivision('gyyqc', '工业园区处'),
  jxwDivision('rsc', '人事处'),
  jxwDivision('jgtzc', '技术改造投资处'),
  jxwDivision('cxzlc', '技术创新和质量处'),
  jxwDivision('jnc', '节能和循环经济处'),
  jxwDivision('scfwc', '生产服务业处'),
  jxwDivision('rjc', '软件和信息服务业处', ['软件和信息服务业']),
  jxwDivision('zxqyj', '中小企业局'),
  jxwDivision('cyzcc', '产业政策处'),
  jxwDivision('fgc', '法规处'),
  jxwDivision('jxc', '经协处', ['经济协作处']),
  jxwDivision('zbhswj', '中博会事务局'),
  jxwDivision('zhc', '综合处'),
  jxwDivision('bgs', '办公室'),

  // --- Districts outside the seeds' city (001 addresses 顺德区 directly) ---
  { code: 'sdq', name: '顺德区人民政府', aliases: ['顺德区政府', '顺德区'], level: 'district' },

  // --- 中山市 (004) ---
  { code: 'zs', name: '中山市人民政府', aliases: ['中山市政府', '市人民政府', '市政府'], level: 'city' },
  zhongshan('jxj', '市经济和信息化局', ['经济和信息化局', '经信局', '中山市经济和信息化局']),
  zhongshan('fgj', '市发展改革局', ['发展改革局']),
  zhongshan('kjj', '市科技局', ['科技局']),
  zhongshan('swj', '市商务局', ['商务局']),
  zhongshan('jtj', '市教育和体育局', ['教育和体育局']),
  zhongshan('czj', '市财政局', ['财政局']),
  zhongshan('gzw', '市国资委', ['国资委']),
  zhongshan('jrj', '市金融局', ['金融局']),
  zhongshan('hbj', '市环境保护局', ['环境保护局', '环保局']),
  zhongshan('gtj', '市国土资源局', ['国土资源局']),
  zhongshan('shwj', '市水务局', ['水务局']),
  zhongshan('ghj', '市城乡规划局', ['城乡规划局']),
  zhongshan('zjj', '市住房城乡建设局', ['住房城乡建设局']),
  zhongshan('tjj', '市统计局', ['统计局']),
  zhongshan('bwb', '市编委办', ['编委办']),
  zhongshan('fzj', '市法制局', ['法制局']),
  zhongshan('rsj', '市人力资源社会保障局', ['人力资源社会保障局']),
  zhongshan('kpb', '市考评办', ['考评办']),
  // The 24 towns and town-level districts of 004 附件2, in the table's order.
  zhongshanTown('sqq', '石岐区'),
  zhongshanTown('dq', '东区'),
  zhongshanTown('hjkfq', '火炬开发区', ['火炬开发区（含翠亨新区）', '国家火炬高技术产业开发区']),
  zhongshanTown('xq', '西区'),
  zhongshanTown('nq', '南区'),
  zhongshanTown('wgs', '五桂山'),
  zhongshanTown('xlz', '小榄镇'),
  zhongshanTown('hpz', '黄圃镇'),
  zhongshanTown('mzz', '民众镇'),
  zhongshanTown('dfz', '东凤镇'),
  zhongshanTown('dsz', '东升镇'),
  zhongshanTown('gzz', '古镇镇'),
  zhongshanTown('sxz', '沙溪镇'),
  zhongshanTown('tzz', '坦洲镇'),
  zhongshanTown('gkz', '港口镇'),
  zhongshanTown('sjz', '三角镇'),
  zhongshanTown('hlz', '横栏镇'),
  zhongshanTown('ntz', '南头镇'),
  zhongshanTown('fsz', '阜沙镇'),
  zhongshanTown('nlz', '南朗镇'),
  zhongshanTown('sxiangz', '三乡镇'),
  zhongshanTown('bfz', '板芙镇'),
  zhongshanTown('dyz', '大涌镇'),
  zhongshanTown('swz', '神湾镇'),

  // --- Catch-all groups: addressed collectively, never a single accountable unit ---
  { code: 'g-djys', name: '各地级以上市人民政府', aliases: ['各地级以上市政府', '各地级以上市', '各市人民政府', '各市'], level: 'group' },
  {
    code: 'g-szbm',
    name: '省政府各部门',
    aliases: ['各省直有关部门', '省直各有关部门', '省直有关部门', '省直相关部门', '省各有关部门', '省有关部门', '各直属机构', '各部门'],
    level: 'group',
  },
  { code: 'jxw-ygcs', name: '有关处室', aliases: ['各有关处室', '相关处室'], level: 'group', parentCode: 'jxw' },
  { code: 'zs-gzq', name: '各镇区', aliases: ['各镇区人民政府', '镇区'], level: 'group', parentCode: 'zs' },
  // Named in the product brief as a catch-all of other plans (not in the four seeds). The name
  // contains 、, so both halves are aliases: a list split on 、 still lands on this one group.
  {
    code: 'g-zjd',
    name: '各镇人民政府、街道办事处',
    aliases: ['各镇人民政府', '各街道办事处', '街道办事处', '各镇街'],
    level: 'group',
  },
]);

// ---------------------------------------------------------------------------------------------
// Name normalisation and lookup
// ---------------------------------------------------------------------------------------------

/** Level prefixes the documents put before a department: 省科技厅, 市财政局. */
type LevelPrefix = '省' | '市';

const WHITESPACE = /[\s\u3000]+/g;

/**
 * Place names that stand for a level prefix ("广东省X" is written "省X" elsewhere). They are
 * derived from the directory's own government entries (X省人民政府, X市人民政府) rather than
 * hard-coded, so a directory for another province brings its own places.
 */
function placePrefixes(directory: readonly DirectoryDepartment[]): Array<[string, LevelPrefix]> {
  const places = new Map<string, LevelPrefix>();
  for (const entry of directory) {
    for (const spelling of [entry.name, ...entry.aliases]) {
      const m = /^([\u4e00-\u9fa5]{2,4}?)([省市])人民政府$/.exec(spelling.replace(WHITESPACE, ''));
      if (m) places.set(m[1] + m[2], m[2] as LevelPrefix);
    }
  }
  // Longest first so that a longer place name wins over a shorter one it contains.
  return [...places.entries()].sort((a, b) => b[0].length - a[0].length);
}

interface DirectoryIndex {
  places: Array<[string, LevelPrefix]>;
  /** normalised full spelling → entries, in directory order */
  exact: Map<string, DirectoryDepartment[]>;
  /** spelling without its 省/市 prefix → entries, in directory order */
  core: Map<string, DirectoryDepartment[]>;
  /** lazily built list for directorySpellings */
  spellings?: string[];
}

const indexCache = new WeakMap<readonly DirectoryDepartment[], DirectoryIndex>();

function push(map: Map<string, DirectoryDepartment[]>, key: string, entry: DirectoryDepartment): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function buildIndex(directory: readonly DirectoryDepartment[]): DirectoryIndex {
  const cached = indexCache.get(directory);
  if (cached) return cached;
  const places = placePrefixes(directory);
  const index: DirectoryIndex = { places, exact: new Map(), core: new Map() };
  for (const entry of directory) {
    for (const spelling of [entry.name, ...entry.aliases]) {
      const normal = normaliseWith(spelling, places);
      push(index.exact, normal, entry);
      push(index.core, stripLevelPrefix(normal).core, entry);
    }
  }
  indexCache.set(directory, index);
  return index;
}

function normaliseWith(name: string, places: Array<[string, LevelPrefix]>): string {
  let out = name.replace(WHITESPACE, '');
  for (const [place, prefix] of places) {
    if (out.startsWith(place) && out.length > place.length) {
      out = prefix + out.slice(place.length);
      break;
    }
  }
  return out;
}

function stripLevelPrefix(normal: string): { prefix: LevelPrefix | null; core: string } {
  const first = normal.charAt(0);
  if ((first === '省' || first === '市') && normal.length > 2) return { prefix: first, core: normal.slice(1) };
  return { prefix: null, core: normal };
}

/** Which levels a written 省/市 prefix can refer to. */
function inScope(entry: DirectoryDepartment, prefix: LevelPrefix): boolean {
  if (entry.level === 'group') return entry.name.startsWith(prefix);
  return prefix === '省' ? entry.level === 'province' : entry.level !== 'province';
}

/**
 * Normalise a written unit name: drop whitespace (tables pad 东  区) and rewrite a place name
 * the directory knows into its level prefix (广东省经济和信息化委员会 → 省经济和信息化委员会).
 */
export function normaliseDepartmentName(name: string, directory: readonly DirectoryDepartment[] = DEPARTMENT_DIRECTORY): string {
  return normaliseWith(name, buildIndex(directory).places);
}

/**
 * Find the unit a written name refers to.
 *
 * Order: an exact spelling (name or alias); then, for a prefixed name (省X / 市X), a unit of that
 * level whose unprefixed spelling is X; then, for a bare name, the first unit whose unprefixed
 * spelling matches. A bare name that exists at several levels (国资委) therefore resolves to the
 * first in directory order (provincial); callers that know the context should pass 市国资委.
 */
export function resolveDepartment(
  nameOrAlias: string,
  directory: readonly DirectoryDepartment[] = DEPARTMENT_DIRECTORY,
): DirectoryDepartment | undefined {
  const index = buildIndex(directory);
  const normal = normaliseWith(nameOrAlias, index.places);
  if (!normal) return undefined;
  const exact = index.exact.get(normal);
  if (exact) return exact[0];
  const { prefix, core } = stripLevelPrefix(normal);
  const candidates = index.core.get(core) ?? [];
  if (prefix) return candidates.find((entry) => inScope(entry, prefix));
  return candidates[0];
}

/**
 * Every spelling the directory knows (as written and normalised), longest first. Used to spot unit names in
 * running text, where there is no delimiter to split on.
 */
export function directorySpellings(directory: readonly DirectoryDepartment[] = DEPARTMENT_DIRECTORY): readonly string[] {
  const index = buildIndex(directory);
  if (index.spellings) return index.spellings;
  const all = new Set<string>([...index.exact.keys(), ...index.core.keys()]);
  // Also the spellings as written: running text says 广东省…, not the normalised 省….
  for (const entry of directory) for (const s of [entry.name, ...entry.aliases]) all.add(s.replace(WHITESPACE, ''));
  index.spellings = [...all].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
  return index.spellings;
}
