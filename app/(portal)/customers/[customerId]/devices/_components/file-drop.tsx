'use client';

import { useDropzone } from 'react-dropzone';
import { useTranslations } from 'next-intl';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUpload24Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    padding: '24px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** Device lists by drag and drop, or Browse: several files at once. */
export function FileDrop({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const styles = useStyles();
  const t = useTranslations('addDevices');
  const { getRootProps, getInputProps, open, isDragActive } = useDropzone({
    onDrop: (accepted) => accepted.length && onFiles(accepted),
    noClick: true,
    noKeyboard: true,
    multiple: true,
    disabled,
  });
  return (
    <div {...getRootProps({ className: mergeClasses(styles.zone, isDragActive && styles.active) })}>
      <input {...getInputProps({ 'aria-label': t('fileInput') })} />
      <ArrowUpload24Regular aria-hidden />
      <Text>{isDragActive ? t('dropNow') : t('drop')}</Text>
      <Button onClick={open} disabled={disabled}>
        {t('browse')}
      </Button>
    </div>
  );
}
