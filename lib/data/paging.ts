/**
 * Reading a table's state from the URL: page, sort, direction and search,
 * with anything unexpected falling back to the defaults.
 */
export interface TableQuery<SortKey extends string> {
  page: number;
  pageSize: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  q: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function readTableQuery<SortKey extends string>(
  params: SearchParams,
  sortKeys: readonly SortKey[],
  defaults: { sort: SortKey; dir: 'asc' | 'desc'; pageSize: number },
): TableQuery<SortKey> {
  const page = Number.parseInt(first(params.page) ?? '1', 10);
  const sort = first(params.sort);
  const dir = first(params.dir);
  return {
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 1_000_000) : 1,
    pageSize: defaults.pageSize,
    sort: sortKeys.includes(sort as SortKey) ? (sort as SortKey) : defaults.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : defaults.dir,
    q: (first(params.q) ?? '').trim().slice(0, 100),
  };
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageCount: number;
}
