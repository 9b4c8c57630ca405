// The directory of units named in plan documents, and name resolution against it.
export {
  DEPARTMENT_DIRECTORY,
  directorySpellings,
  normaliseDepartmentName,
  resolveDepartment,
} from './department-directory';
export type { DepartmentLevel, DirectoryDepartment } from './department-directory';
