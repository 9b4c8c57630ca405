import { type DirectoryDepartment } from '../department/department-directory';
import { assignRoles, departmentsInProse, explicitDepartments, splitDepartmentList, trailingParenthetical } from './departments';

const L = (lead: string[], cooperating: string[] = [], groups: string[] = []) => ({
  leadDepartments: lead,
  cooperatingDepartments: cooperating,
  groups,
});

describe('trailingParenthetical', () => {
  it.each<[string, { inner: string; before: string } | null]>([
    ['优化工业投资结构。（省经济和信息化委、发展改革委）', { inner: '省经济和信息化委、发展改革委', before: '优化工业投资结构。' }],
    ['优化工业投资结构。(省经济和信息化委、发展改革委)', { inner: '省经济和信息化委、发展改革委', before: '优化工业投资结构。' }],
    ['优化工业投资结构（省经济和信息化委)。', { inner: '省经济和信息化委', before: '优化工业投资结构' }],
    ['研究与试验发展（R&D）经费达到1%以上。（省科技厅）  ', { inner: '省科技厅', before: '研究与试验发展（R&D）经费达到1%以上。' }],
    ['项目（含翠亨新区（一期））', { inner: '含翠亨新区（一期）', before: '项目' }],
    ['没有括号的任务。', null],
    ['括号在中间（省科技厅）之后还有文字。', null],
    ['只有右括号）', null],
  ])('%j', (text, expected) => {
    expect(trailingParenthetical(text)).toEqual(expected);
  });
});

describe('splitDepartmentList', () => {
  it.each<[string, ReturnType<typeof L>]>([
    ['省经济和信息化委', L(['省经济和信息化委'])],
    // the first listed leads; abbreviations take the previous full name's 省 prefix
    ['省发展改革委、经济和信息化委', L(['省发展改革委'], ['省经济和信息化委'])],
    ['省发展改革委，经济和信息化委', L(['省发展改革委'], ['省经济和信息化委'])],
    ['省发展改革委,经济和信息化委', L(['省发展改革委'], ['省经济和信息化委'])],
    ['省发展改革委; 经济和信息化委', L(['省发展改革委'], ['省经济和信息化委'])],
    ['省科技厅、经济和信息化委、质监局、知识产权局', L(['省科技厅'], ['省经济和信息化委', '省质监局', '省知识产权局'])],
    ['省发展改革委、经济和信息化、科技厅、财政厅', L(['省发展改革委'], ['省经济和信息化委', '省科技厅', '省财政厅'])],
    ['省经济和信息化委、发展改革委、外经贸厅、国资委', L(['省经济和信息化委'], ['省发展改革委', '省外经贸厅', '省国资委'])],
    // a note after 。 is not a department (000's first item)
    ['省经济和信息化委。只列一个单位的，该单位为牵头单位，其他有关配合单位，不一一列出；列有多个单位的，列第一位者为牵头单位。下同。', L(['省经济和信息化委'])],
    // 市 prefix carried over; catch-alls go to groups
    ['市经济和信息化局、发展改革局、科技局，各镇区', L(['市经济和信息化局'], ['市发展改革局', '市科技局'], ['各镇区'])],
    ['市科技局、财政局、国资委、金融局，各镇区', L(['市科技局'], ['市财政局', '市国资委', '市金融局'], ['各镇区'])],
    ['市编委办、法制局', L(['市编委办'], ['市法制局'])],
    // a catch-all leads only when it is alone
    ['各地级以上市人民政府', L(['各地级以上市人民政府'], [], ['各地级以上市人民政府'])],
    ['各镇区', L(['各镇区'], [], ['各镇区'])],
    ['各地级以上市人民政府、省经济和信息化委', L(['省经济和信息化委'], [], ['各地级以上市人民政府'])],
    // explicit markers
    ['工业园区处牵头', L(['工业园区处'])],
    ['省科技厅牵头，省财政厅配合', L(['省科技厅'], ['省财政厅'])],
    ['省财政厅、省科技厅牵头', L(['省科技厅'], ['省财政厅'])],
    ['牵头单位：省科技厅；配合单位：省财政厅、教育厅', L(['省科技厅'], ['省财政厅', '省教育厅'])],
    ['牵头单位：省科技厅、省财政厅', L(['省科技厅', '省财政厅'])],
    // 003's X会Y: X leads, with Y
    ['工业园区处会节能和循环经济处', L(['工业园区处'], ['节能和循环经济处'])],
    ['中小企业局、工业园区处会产业政策处、法规处', L(['中小企业局', '工业园区处'], ['产业政策处', '法规处'])],
    ['工业园区处会同人事处', L(['工业园区处'], ['人事处'])],
    // names containing 会 stay whole; 等 is dropped
    ['工业园区处、中小企业局、经协处、中博会事务局等', L(['工业园区处'], ['中小企业局', '经协处', '中博会事务局'])],
    ['工业园区处、广东省工业园区协会', L(['工业园区处'], ['广东省工业园区协会'])],
    // 等有关处室 adds a catch-all; 等N个… only counts
    ['工业园区处会生产服务业处、软件和信息服务业等有关处室', L(['工业园区处'], ['生产服务业处', '软件和信息服务业处'], ['有关处室'])],
    ['省科技厅、财政厅等2个省直有关部门', L(['省科技厅'], ['省财政厅'])],
    // units the directory does not know are kept when they look like units
    ['省发展改革委、统计局', L(['省发展改革委'], ['省统计局'])],
    ['某某县人民政府', L(['某某县人民政府'])],
    ['省科技厅、各县（市、区）人民政府', L(['省科技厅'], [], ['各县（市、区）人民政府'])],
  ])('%j', (list, expected) => {
    expect(splitDepartmentList(list)).toEqual(expected);
  });

  it.each(['R&D', 'ERP', '2011-2015年', '政府奖励', '产值', '含翠亨新区', '争取实现3000亿元', '见附件2', ''])(
    '%j is not a department list',
    (text) => {
      expect(splitDepartmentList(text)).toBeNull();
    },
  );

  it('uses the directory it is given', () => {
    const directory: DirectoryDepartment[] = [{ code: 'x', name: '省甲办', aliases: ['甲办'], level: 'province' }];
    expect(splitDepartmentList('甲办', directory)).toEqual(L(['省甲办']));
    expect(splitDepartmentList('省科技厅、甲办', directory)).toEqual(L(['省科技厅'], ['省甲办']));
  });
});

describe('assignRoles', () => {
  it('deduplicates and never lists a lead as cooperating', () => {
    expect(
      assignRoles([
        { name: '省科技厅', group: false, role: null },
        { name: '省财政厅', group: false, role: null },
        { name: '省科技厅', group: false, role: null },
      ]),
    ).toEqual(L(['省科技厅'], ['省财政厅']));
  });
});

describe('explicitDepartments', () => {
  it('reads the trailing list and returns the text without it', () => {
    expect(explicitDepartments('优化工业投资结构。（省经济和信息化委、发展改革委）')).toEqual({
      assignment: L(['省经济和信息化委'], ['省发展改革委']),
      rest: '优化工业投资结构。',
    });
  });

  it('reads a 牵头单位 label in the text', () => {
    expect(explicitDepartments('建立季报制度。牵头单位：省经济和信息化委；配合单位：省统计局。')).toEqual({
      assignment: L(['省经济和信息化委'], ['省统计局']),
      rest: '建立季报制度。',
    });
  });

  it('ignores a trailing bracket that is not a department list', () => {
    expect(explicitDepartments('大中型企业资源计划（ERP）')).toBeNull();
    expect(explicitDepartments('工业转型升级攻坚战三年行动计划（2015-2017年）')).toBeNull();
  });
});

describe('departmentsInProse', () => {
  it('takes the units after 由 (001 step 1)', () => {
    const text =
      '提出部门转型升级突破点。由省发展改革委、经济和信息化委、教育厅、国资委、环保厅等19个省直有关部门从本部门工作职责和实际出发，提出1-2个产业转型升级突破点。';
    expect(departmentsInProse(text)).toEqual(
      L(['省发展改革委'], ['省经济和信息化委', '省教育厅', '省国资委', '省环境保护厅']),
    );
  });

  it('lets a catch-all lead when it is the only unit', () => {
    expect(departmentsInProse('由各市从本地区产业发展的实际出发，提出突破点。')).toEqual(
      L(['各地级以上市人民政府'], [], ['各地级以上市人民政府']),
    );
  });

  it('falls back to the units the text opens with', () => {
    expect(departmentsInProse('各市、各部门根据确定的突破点，细化工作措施。')).toEqual(
      L(['各地级以上市人民政府'], [], ['各地级以上市人民政府', '省政府各部门']),
    );
  });

  it('finds nothing in prose that names no known unit', () => {
    expect(departmentsInProse('根据有关情况，国庆节后组织若干小组赴各地指导检查。')).toBeNull();
    expect(departmentsInProse('由此可见，工作取得进展。')).toBeNull();
  });
});
