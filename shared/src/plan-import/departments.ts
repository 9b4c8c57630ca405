/**
 * Who is responsible for a task, read from the way plans write it:
 *
 * - a trailing list in brackets: `（省经济和信息化委、科技厅、财政厅）` — the first listed leads
 *   (000: 列第一位者为牵头单位), the rest cooperate;
 * - explicit markers: `牵头单位：X；配合单位：Y`, `（X牵头）`, and 003's `X会Y` (X leads, with Y);
 * - for plans that write no list, units named after 由 in the text (由省发展改革委、…提出).
 *
 * Abbreviations are expanded with the directory and the prefix of the previous full name
 * (`省发展改革委、经济和信息化委` → 省经济和信息化委). Catch-alls (各地级以上市人民政府, 各镇区) are
 * kept apart in `groups`: they are not one accountable unit, so they lead only when nothing
 * else is named.
 */
import {
  DEPARTMENT_DIRECTORY,
  type DirectoryDepartment,
  directorySpellings,
  normaliseDepartmentName,
  resolveDepartment,
} from '../department/department-directory';

export interface DepartmentAssignment {
  leadDepartments: string[];
  cooperatingDepartments: string[];
  groups: string[];
}

type Directory = readonly DirectoryDepartment[];
type Role = 'lead' | 'cooperate' | null;

interface Unit {
  name: string;
  group: boolean;
  role: Role;
}

/** The level prefix of the last full name in a list, used to expand the abbreviations after it. */
interface ListContext {
  prefix: '省' | '市' | null;
}

const WHITESPACE = /[\s\u3000]+/g;
const OPEN = '（(';
const CLOSE = '）)';

/** Endings of unit names: 委, 厅, 局, 处, 办, 政府, 镇, 区 … */
const UNIT_SUFFIX =
  /(?:委员会|委|厅|局|办公室|办公厅|办|处|室|科|院|中心|协会|学会|商会|联合会|政府|部门|部|机构|集团|公司|镇|区|县|街道|办事处|所|站|队|组)$/;
const GROUP_LIKE = /^各|(?:有关|相关|所属)(?:部门|单位|处室|机构)$/;

/** Bracketed asides that happen to end like a unit: （含翠亨新区）, （包括各开发区）. */
const ASIDE_START = /^(?:含|包括|其中|即|如|约|共|不含|主要|重点|全部|详见|见)/;

/** Han characters, allowing a bracketed qualifier: 各县（市、区）人民政府. */
const UNIT_TEXT = /^[\u4e00-\u9fa5（）()、]{2,30}$/;

function looksLikeUnit(name: string): boolean {
  return UNIT_TEXT.test(name) && !name.includes('的') && !ASIDE_START.test(name) && UNIT_SUFFIX.test(name);
}

/**
 * Resolve one written unit name in the context of its list. Returns null when the text is not a
 * unit at all (a note such as R&D or 2011-2015年), which is how callers tell a department list
 * from other bracketed text.
 */
function resolveUnit(written: string, ctx: ListContext, directory: Directory): { unit: Unit; ctx: ListContext } | null {
  const normal = normaliseDepartmentName(written.replace(WHITESPACE, ''), directory);
  if (!normal) return null;
  const explicit = /^[省市]/.test(normal) && normal.length > 2 ? (normal[0] as '省' | '市') : null;
  const next: ListContext = explicit ? { prefix: explicit } : ctx;
  let entry: DirectoryDepartment | undefined;
  if (!explicit && ctx.prefix) {
    entry = resolveDepartment(ctx.prefix + normal, directory);
    // Without a match at the list's level, take the bare name only if it is not bound to the
    // other level: after 省发展改革委, 统计局 is 省统计局 even if the directory knows 市统计局.
    const bare = entry ? undefined : resolveDepartment(normal, directory);
    if (bare && !/^[省市]/.test(bare.name)) entry = bare;
  } else {
    entry = resolveDepartment(normal, directory);
  }
  if (entry) return { unit: { name: entry.name, group: entry.level === 'group', role: null }, ctx: next };
  if (GROUP_LIKE.test(normal) && UNIT_TEXT.test(normal)) {
    return { unit: { name: normal, group: true, role: null }, ctx: next };
  }
  if (looksLikeUnit(normal)) {
    // An unknown unit written without prefix after a prefixed one is abbreviated the same way.
    const name = !explicit && ctx.prefix ? ctx.prefix + normal : normal;
    return { unit: { name, group: false, role: null }, ctx: next };
  }
  return null;
}

/** Split a role marker off a token: 工业园区处牵头 → (工业园区处, lead). */
function splitRole(token: string): { text: string; role: Role } {
  const lead = /^(.+?)(?:牵头|负责)$/.exec(token);
  if (lead) return { text: lead[1]!, role: 'lead' };
  const cooperate = /^(.+?)(?:配合|参与|协助|协办)$/.exec(token);
  if (cooperate) return { text: cooperate[1]!, role: 'cooperate' };
  return { text: token, role: null };
}

/**
 * 003 writes `工业园区处会节能和循环经济处`: X 会(同) Y, X leads. Split only where both sides are
 * units, so names containing 会 (中博会事务局, 工业园区协会) stay whole.
 */
function splitHui(token: string, ctx: ListContext, directory: Directory): [string, string] | null {
  const known = resolveDepartment(token, directory) ?? (ctx.prefix ? resolveDepartment(ctx.prefix + token, directory) : undefined);
  if (known) return null;
  for (let i = token.indexOf('会'); i > 0; i = token.indexOf('会', i + 1)) {
    const left = token.slice(0, i);
    const right = token.slice(token.startsWith('会同', i) ? i + 2 : i + 1);
    if (right && resolveUnit(left, ctx, directory) && resolveUnit(right, ctx, directory)) return [left, right];
  }
  return null;
}

/** Split on list separators outside brackets: 各县（市、区）人民政府 is one unit. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;'.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function tokenise(list: string): string[] {
  const text = list
    // 等19个省直有关部门 only counts the units already listed.
    .replace(/等\d+个[\u4e00-\u9fa5]*$/, '')
    // 等有关处室 adds a catch-all after the listed units.
    .replace(/等(?=(?:其他|其它)?(?:有关|相关))/g, '、');
  return splitOutsideBrackets(text)
    .map((t) => t.replace(/等$/, '').trim())
    .filter(Boolean);
}

/** Turn units with their roles into lead / cooperating / groups, per the plans' conventions. */
export function assignRoles(units: readonly Unit[]): DepartmentAssignment {
  const lead: string[] = [];
  const cooperating: string[] = [];
  const groups: string[] = [];
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  const marked = units.some((u) => u.role === 'lead');
  for (const unit of units) {
    if (unit.group) add(groups, unit.name);
    if (unit.group && unit.role !== 'lead') continue;
    const leads = marked ? unit.role === 'lead' : lead.length === 0 && !unit.group;
    if (leads) add(lead, unit.name);
    else if (!lead.includes(unit.name)) add(cooperating, unit.name);
  }
  // A catch-all leads only when it is all there is (各镇区 alone, 由各市提出).
  if (lead.length === 0 && groups.length > 0) lead.push(groups[0]!);
  return { leadDepartments: lead, cooperatingDepartments: cooperating.filter((c) => !lead.includes(c)), groups };
}

const LABELLED =
  /(?:牵头单位|牵头部门|责任单位|主办单位)[:：]([^。；;：:]*?)(?:[；;，,\s]*(?:配合单位|协办单位|参与单位|配合部门)[:：]([^。；;]*))?(?=$|[。；;])/;

function resolveTokens(tokens: readonly string[], role: Role, ctx: ListContext, directory: Directory): { units: Unit[]; ctx: ListContext } | null {
  const units: Unit[] = [];
  for (const raw of tokens) {
    const { text, role: own } = splitRole(raw);
    const resolved = resolveUnit(text, ctx, directory);
    if (!resolved) return null;
    ctx = resolved.ctx;
    units.push({ ...resolved.unit, role: own ?? role });
  }
  return { units, ctx };
}

/**
 * Read a written list of units (the inside of the trailing brackets, or a table cell). Returns
 * null when the text is not a list of units, so bracketed notes (R&D, 2011-2015年) are ignored.
 * Anything after a 。 is a note (000's first item explains the lead convention there).
 */
export function splitDepartmentList(list: string, directory: Directory = DEPARTMENT_DIRECTORY): DepartmentAssignment | null {
  const text = list.replace(WHITESPACE, '').split('。')[0]!;
  if (!text) return null;

  const labelled = LABELLED.exec(text);
  if (labelled) {
    const leads = resolveTokens(tokenise(labelled[1]!), 'lead', { prefix: null }, directory);
    if (!leads) return null;
    const others = labelled[2] ? resolveTokens(tokenise(labelled[2]), 'cooperate', leads.ctx, directory) : { units: [] };
    return others ? assignRoles([...leads.units, ...others.units]) : null;
  }

  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  let ctx: ListContext = { prefix: null };
  const units: Unit[] = [];
  let huiSeen = false;
  for (const raw of tokens) {
    const { text: token, role } = splitRole(raw);
    const hui = huiSeen ? null : splitHui(token, ctx, directory);
    if (hui) {
      // X会Y: everything up to X leads, Y and what follows cooperates.
      huiSeen = true;
      for (const u of units) if (u.role === null) u.role = 'lead';
      const left = resolveUnit(hui[0], ctx, directory)!;
      const right = resolveUnit(hui[1], left.ctx, directory)!;
      units.push({ ...left.unit, role: 'lead' }, { ...right.unit, role: 'cooperate' });
      ctx = right.ctx;
      continue;
    }
    const resolved = resolveUnit(token, ctx, directory);
    if (!resolved) return null;
    ctx = resolved.ctx;
    units.push({ ...resolved.unit, role: role ?? (huiSeen ? 'cooperate' : null) });
  }
  return assignRoles(units);
}

/**
 * The bracketed text at the very end of a task (before a final 。), with the text before it.
 * Brackets may be full- or half-width and even mixed; nesting is respected.
 */
export function trailingParenthetical(text: string): { inner: string; before: string } | null {
  const trimmed = text.replace(/[\s\u3000。；;，,.]+$/, '');
  const last = trimmed.length - 1;
  if (last < 0 || !CLOSE.includes(trimmed[last]!)) return null;
  let depth = 0;
  for (let i = last; i >= 0; i--) {
    const ch = trimmed[i]!;
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch) && --depth === 0) {
      return { inner: trimmed.slice(i + 1, last), before: trimmed.slice(0, i) };
    }
  }
  return null;
}

/**
 * Departments a task states explicitly: its trailing bracket list, or a 牵头单位：… label in the
 * text. `rest` is the task text without the department part.
 */
export function explicitDepartments(
  text: string,
  directory: Directory = DEPARTMENT_DIRECTORY,
): { assignment: DepartmentAssignment; rest: string } | null {
  const trailing = trailingParenthetical(text);
  if (trailing) {
    const assignment = splitDepartmentList(trailing.inner, directory);
    if (assignment) return { assignment, rest: trailing.before };
  }
  const compact = text.replace(WHITESPACE, '');
  const labelled = LABELLED.exec(compact);
  if (labelled) {
    const assignment = splitDepartmentList(labelled[0], directory);
    if (assignment) {
      const rest = compact.slice(0, labelled.index) + compact.slice(labelled.index + labelled[0].length);
      return { assignment, rest: rest.replace(/([。；;，,])[。；;，,]+/g, '$1') };
    }
  }
  return null;
}

const LIST_SEPARATORS = '、，,及和与';

/** Units written one after another at `start` (省发展改革委、经济和信息化委、教育厅…). */
function scanListAt(text: string, start: number, directory: Directory): Unit[] {
  const spellings = directorySpellings(directory);
  const units: Unit[] = [];
  let ctx: ListContext = { prefix: null };
  let pos = start;
  for (;;) {
    const spelling = spellings.find((s) => text.startsWith(s, pos));
    if (!spelling) break;
    const resolved = resolveUnit(spelling, ctx, directory);
    if (!resolved) break;
    units.push(resolved.unit);
    ctx = resolved.ctx;
    pos += spelling.length;
    if (!LIST_SEPARATORS.includes(text[pos] ?? '')) break;
    if (!spellings.some((s) => text.startsWith(s, pos + 1))) break;
    pos += 1;
  }
  return units;
}

/**
 * For tasks that carry no list (001 writes prose): the units named after 由 ("由各市从本地区…",
 * "分别由省经济和信息化委、科技厅…领导担任组长"), or else the units the text opens with
 * ("各市、各部门根据…"). Only names the directory knows are taken, so ordinary prose is not
 * mistaken for a unit.
 */
export function departmentsInProse(text: string, directory: Directory = DEPARTMENT_DIRECTORY): DepartmentAssignment | null {
  const compact = text.replace(WHITESPACE, '');
  const units: Unit[] = [];
  for (let i = compact.indexOf('由'); i >= 0; i = compact.indexOf('由', i + 1)) {
    units.push(...scanListAt(compact, i + 1, directory));
  }
  if (units.length === 0) units.push(...scanListAt(compact, 0, directory));
  return units.length ? assignRoles(units) : null;
}
