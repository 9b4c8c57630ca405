import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../plan-import';
import {
  DEPARTMENT_DIRECTORY,
  type DirectoryDepartment,
  directorySpellings,
  normaliseDepartmentName,
  resolveDepartment,
} from './department-directory';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');

describe('DEPARTMENT_DIRECTORY', () => {
  it('has unique codes usable as demo logins', () => {
    const codes = DEPARTMENT_DIRECTORY.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has unique names, and every parent exists', () => {
    const names = DEPARTMENT_DIRECTORY.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const codes = new Set(DEPARTMENT_DIRECTORY.map((d) => d.code));
    for (const d of DEPARTMENT_DIRECTORY) if (d.parentCode) expect(codes).toContain(d.parentCode);
  });

  it('resolves every entry by its own name', () => {
    for (const d of DEPARTMENT_DIRECTORY) expect(resolveDepartment(d.name)).toBe(d);
  });

  it.each([
    ['jxw', '省经济和信息化委'],
    ['fgw', '省发展改革委'],
    ['kjt', '省科技厅'],
    ['czt', '省财政厅'],
    ['zjj', '省质监局'],
    ['zscqj', '省知识产权局'],
    ['wjmt', '省外经贸厅'],
    ['gzw', '省国资委'],
  ])('uses the pinyin-initial code %s for %s', (code, name) => {
    expect(resolveDepartment(name)?.code).toBe(code);
  });

  it.each([
    ['各地级以上市人民政府', 'group'],
    ['省政府各部门', 'group'],
    ['各镇区', 'group'],
    ['有关处室', 'group'],
    ['省科技厅', 'province'],
    ['工业园区处', 'province'],
    ['市经济和信息化局', 'city'],
    ['顺德区人民政府', 'district'],
    ['小榄镇', 'town'],
  ])('%s has level %s', (name, level) => {
    expect(resolveDepartment(name)?.level).toBe(level);
  });

  it('lists the 24 towns and districts of 中山市 decomposed in 004 附件2', () => {
    const towns = DEPARTMENT_DIRECTORY.filter((d) => d.level === 'town' && d.parentCode === 'zs');
    expect(towns).toHaveLength(24);
  });

  it('places the 处室 of 003 under 省经济和信息化委', () => {
    expect(resolveDepartment('工业园区处')?.parentCode).toBe('jxw');
    expect(resolveDepartment('软件和信息服务业')?.code).toBe('jxw-rjc');
  });
});

describe('resolveDepartment', () => {
  it.each<[string, string | undefined]>([
    // abbreviations used after the first mention (000, 001)
    ['经济和信息化委', 'jxw'],
    ['经济和信息化', 'jxw'],
    ['经信委', 'jxw'],
    ['省经信委', 'jxw'],
    ['广东省经济和信息化委员会', 'jxw'],
    ['广东省经济和信息化委', 'jxw'],
    ['发展改革委', 'fgw'],
    ['国土厅', 'gtt'],
    ['环保厅', 'hbt'],
    ['人力资源和社会保障厅', 'rst'],
    ['省府办公厅', 'bgt'],
    ['广东省人民政府办公厅', 'bgt'],
    ['省政府', 'szf'],
    // whitespace (tables pad names) and full-width spaces
    [' 省 科技厅 ', 'kjt'],
    ['\u3000科技厅', 'kjt'],
    ['东  区', 'zs-dq'],
    // 市 prefix and the city's own place name
    ['市国资委', 'zs-gzw'],
    ['中山市财政局', 'zs-czj'],
    ['财政局', 'zs-czj'],
    ['市科技局', 'zs-kjj'],
    // a bare name at both levels resolves to the provincial one
    ['国资委', 'gzw'],
    // catch-alls
    ['各市', 'g-djys'],
    ['各省直有关部门', 'g-szbm'],
    ['各部门', 'g-szbm'],
    ['各镇人民政府', 'g-zjd'],
    ['街道办事处', 'g-zjd'],
    // a prefix that contradicts the level does not match
    ['省财政局', undefined],
    ['市科技厅', undefined],
    ['不存在的单位', undefined],
    ['', undefined],
  ])('%j → %s', (written, code) => {
    expect(resolveDepartment(written)?.code).toBe(code);
  });

  it('works with a caller-supplied directory and derives its place names', () => {
    const directory: DirectoryDepartment[] = [
      { code: 'szf', name: '省人民政府', aliases: ['湖南省人民政府'], level: 'province' },
      { code: 'kjt', name: '省科技厅', aliases: ['科技厅'], level: 'province' },
    ];
    expect(resolveDepartment('湖南省科技厅', directory)?.code).toBe('kjt');
    expect(resolveDepartment('科技厅', directory)?.code).toBe('kjt');
    expect(resolveDepartment('广东省科技厅', directory)).toBeUndefined();
    expect(resolveDepartment('省经济和信息化委', directory)).toBeUndefined();
  });
});

describe('normaliseDepartmentName', () => {
  it.each([
    ['广东省科技厅', '省科技厅'],
    ['中山市 财政局', '市财政局'],
    ['省科技厅', '省科技厅'],
  ])('%s → %s', (written, normal) => {
    expect(normaliseDepartmentName(written)).toBe(normal);
  });
});

describe('directorySpellings', () => {
  it('lists spellings longest first, as written and normalised', () => {
    const spellings = directorySpellings();
    expect(spellings).toContain('广东省经济和信息化委员会');
    expect(spellings).toContain('省经济和信息化委员会');
    expect(spellings).toContain('经信委');
    for (let i = 1; i < spellings.length; i++) expect(spellings[i - 1]!.length).toBeGreaterThanOrEqual(spellings[i]!.length);
  });
});

describe('coverage of the seed documents', () => {
  it.each(['000', '001', '003', '004'])('every unit assigned in seed %s is a directory entry', (prefix) => {
    const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
    const { tasks } = parsePlan(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
    const names = new Set(tasks.flatMap((t) => [...t.leadDepartments, ...t.cooperatingDepartments, ...t.groups]));
    expect(names.size).toBeGreaterThan(0);
    for (const name of names) expect(resolveDepartment(name)?.name).toBe(name);
  });
});
