'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FlexRender, tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular } from '@fluentui/react-icons';

/** Sorting, paging and search happen in the database: the table only renders one page. */
export const dataTableFeatures = tableFeatures({});
export type DataTableColumn<Row extends RowData> = ColumnDef<typeof dataTableFeatures, Row>;

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

const useStyles = makeStyles({
  sortLink: { color: 'inherit', textDecorationLine: 'none', display: 'inline-flex', alignItems: 'center', gap: '4px' },
  empty: { color: tokens.colorNeutralForeground3, padding: '12px 0' },
});

export function DataTable<Row extends RowData>({
  label,
  columns,
  data,
  getRowId,
  sort,
  sortable = {},
  emptyText,
}: {
  /** The table's accessible name. */
  label: string;
  columns: DataTableColumn<Row>[];
  data: Row[];
  getRowId: (row: Row) => string;
  sort?: SortState;
  /** Column id → the sort key the URL and the database understand. */
  sortable?: Record<string, string>;
  emptyText: string;
}) {
  const styles = useStyles();
  const t = useTranslations('table');
  const pathname = usePathname();
  const params = useSearchParams();
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId: (row) => getRowId(row) });

  const sortHref = (key: string) => {
    const next = new URLSearchParams(params.toString());
    const dir = sort?.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
    next.set('sort', key);
    next.set('dir', dir);
    next.delete('page');
    return `${pathname}?${next.toString()}`;
  };

  return (
    <>
      <Table aria-label={label} size="small">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const key = sortable[header.column.id];
                const active = key !== undefined && sort?.key === key;
                return (
                  <TableHeaderCell
                    key={header.id}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {key ? (
                      <Link className={styles.sortLink} href={sortHref(key)} title={t('sortBy')}>
                        <FlexRender header={header} />
                        {active && (sort.dir === 'asc' ? <ArrowSortUp16Regular /> : <ArrowSortDown16Regular />)}
                      </Link>
                    ) : (
                      <FlexRender header={header} />
                    )}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id}>
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id}>
                  <FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.length === 0 && <p className={styles.empty}>{emptyText}</p>}
    </>
  );
}
