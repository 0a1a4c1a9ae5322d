'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem, type Lang, type Problem } from '@/lib/autopilot';
import { problemReport, type RefusedDevice } from '@/lib/reports/problem-report';

const useStyles = makeStyles({
  list: { margin: '8px 0 0', paddingLeft: '20px', maxHeight: '320px', overflowY: 'auto' },
  item: { marginBottom: '6px' },
  hint: { display: 'block', color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** Where a problem is, in the words of the page: "a.csv · Line 3, column 17". */
export function usePlace() {
  const t = useTranslations('addDevices');
  return (p: { file?: string; line?: number; column?: number }) => {
    const at = p.line === undefined ? null : p.column === undefined ? t('line', { line: p.line }) : t('lineColumn', { line: p.line, column: p.column });
    return [p.file, at].filter(Boolean).join(' · ');
  };
}

export function downloadReport(problems: Problem[], refused: RefusedDevice[], lang: Lang) {
  const blob = new Blob([problemReport(problems, refused, lang)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'device-list-problems.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** Every problem with its place, what is wrong and how to fix it. */
export function ProblemList({ problems, fromServer }: { problems: Problem[]; fromServer: boolean }) {
  const styles = useStyles();
  const t = useTranslations('addDevices');
  const lang = useLocale() as Lang;
  const place = usePlace();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <MessageBar intent={errors ? 'error' : 'warning'} layout="multiline" role={errors ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>
          {errors ? t(fromServer ? 'serverProblems' : 'problems', { errors, warnings }) : t('warnings', { warnings })}
        </MessageBarTitle>
        <ol className={styles.list}>
          {problems.map((p, i) => {
            const { message, hint } = describeProblem(p, lang);
            const where = place(p);
            return (
              <li key={i} className={styles.item}>
                {where && <strong>{where}: </strong>}
                {message} <span className={styles.code}>({p.code})</span>
                <span className={styles.hint}>{hint}</span>
              </li>
            );
          })}
        </ol>
        <Button size="small" onClick={() => downloadReport(problems, [], lang)} style={{ marginTop: 8 }}>
          {t('downloadReport')}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}
