'use client';

import { useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  DEVICE_PROFILES,
  MODE_NAMES,
  NOT_SUPPORTED,
  PROFILE_NAMES,
  convertToAnsi,
  groupTagFor,
  isDeviceProfile,
  isSupported,
  validateUpload,
  type DeviceMode,
  type DeviceProfile,
  type Lang,
  type UploadFile,
} from '@/lib/autopilot';
import { refusalKey, type ActionResult } from '@/lib/actions/result';
import { addDevicesAction, type UploadOutcome } from '../actions';
import { DevicesFound } from './devices-found';
import { FileDrop } from './file-drop';
import { ProblemList } from './problem-list';
import { UploadResult } from './upload-result';

const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: '90vw' },
  form: { display: 'flex', flexDirection: 'column', gap: '16px' },
  row: { display: 'flex', gap: '24px', flexWrap: 'wrap', alignItems: 'flex-start' },
  notSupported: { color: tokens.colorNeutralForeground3, marginLeft: '32px' },
  files: { margin: 0, paddingLeft: '20px' },
});

interface ChosenFile extends UploadFile {
  key: string;
}

/** The Add devices dialog, open from the moment it is loaded (see add-devices.tsx). */
export default function AddDevicesDialog({
  customerId,
  customerName,
  onClose,
}: {
  customerId: string;
  customerName: string;
  onClose: () => void;
}) {
  const styles = useStyles();
  const t = useTranslations('addDevices');
  const lang = useLocale() as Lang;
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [profile, setProfile] = useState<DeviceProfile>('standard');
  const [mode, setMode] = useState<DeviceMode>('standard');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [result, setResult] = useState<ActionResult<UploadOutcome> | null>(null);
  const [uploading, startUpload] = useTransition();

  const groupTag = groupTagFor(profile, mode) ?? '';
  // The browser checks instantly with the same validator the server will run again.
  const verdict = useMemo(() => (files.length ? validateUpload(files, { groupTag }) : null), [files, groupTag]);
  const convertible = verdict?.problems.some((p) => p.code === 'ENCODING_NOT_ANSI' && p.fixable) ?? false;

  const reset = () => {
    setFiles([]);
    setResult(null);
  };

  const addFiles = async (chosen: File[]) => {
    const read = await Promise.all(
      chosen.map(async (f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    setResult(null);
    setFiles((current) => [...current, ...read]);
  };

  const convert = () =>
    setFiles((current) => current.map((f) => ({ ...f, bytes: convertToAnsi(f.bytes) ?? f.bytes })));

  const upload = () =>
    startUpload(async () => {
      const form = new FormData();
      form.set('customerId', customerId);
      form.set('profile', profile);
      form.set('mode', mode);
      for (const f of files) form.append('files', new File([f.bytes.slice().buffer], f.name, { type: 'text/csv' }));
      const outcome = await addDevicesAction(form);
      setResult(outcome);
      if (outcome.ok) {
        setFiles([]);
        router.refresh();
      }
    });

  const serverProblems = result && !result.ok && result.error.code === 'INVALID_DEVICES' ? (result.error.problems ?? null) : null;
  const refusal = result && !result.ok && result.error.code !== 'INVALID_DEVICES' ? refusalKey(result.error) : null;
  const done = result?.ok ? result.data : null;
  const problems = serverProblems ?? verdict?.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) {
          reset();
          onClose();
        }
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogContent className={styles.form}>
            <Text>{t('intro', { customer: customerName })}</Text>
            <div className={styles.row}>
              <Field label={t('profile')} style={{ minWidth: 240 }}>
                <Select
                  value={profile}
                  onChange={(_, data) => {
                    if (!isDeviceProfile(data.value)) return;
                    setProfile(data.value);
                    if (!isSupported(data.value, mode)) setMode('standard');
                  }}
                >
                  {DEVICE_PROFILES.map((p) => (
                    <option key={p} value={p}>
                      {PROFILE_NAMES[p][lang]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('mode')}>
                <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as DeviceMode)}>
                  <Radio value="standard" label={MODE_NAMES.standard[lang]} />
                  <Radio
                    value="shared"
                    label={MODE_NAMES.shared[lang]}
                    disabled={!isSupported(profile, 'shared')}
                    aria-describedby={!isSupported(profile, 'shared') ? 'shared-not-supported' : undefined}
                  />
                  {!isSupported(profile, 'shared') && (
                    <Text id="shared-not-supported" size={200} className={styles.notSupported}>
                      {NOT_SUPPORTED[lang]}
                    </Text>
                  )}
                </RadioGroup>
              </Field>
              <Field label={t('groupTag')} hint={t('groupTagHint')} style={{ minWidth: 320 }}>
                <Input value={groupTag} readOnly />
              </Field>
            </div>

            <FileDrop onFiles={addFiles} disabled={uploading} />

            {files.length > 0 && verdict && (
              <div>
                <Text weight="semibold">{t('chosen', { count: files.length })}</Text>
                <ul className={styles.files}>
                  {verdict.files.map((f) => (
                    <li key={f.name}>
                      {t('fileSummary', { name: f.name, devices: f.devices, problems: f.problems.length })}
                    </li>
                  ))}
                </ul>
                <div style={{ display: 'flex', gap: 12, marginTop: 8 }}>
                  {convertible && <Button onClick={convert}>{t('convert')}</Button>}
                  <Button onClick={reset}>{t('clear')}</Button>
                </div>
              </div>
            )}

            {verdict && !serverProblems && verdict.accepted && (
              <MessageBar intent="info">
                <MessageBarBody>{t('ready', { count: verdict.devices.length, groupTag })}</MessageBarBody>
              </MessageBar>
            )}

            {verdict && verdict.devices.length > 0 && !done && <DevicesFound devices={verdict.devices} />}

            {errors > 0 && <ProblemList problems={problems} fromServer={serverProblems !== null} />}
            {errors === 0 && problems.length > 0 && <ProblemList problems={problems} fromServer={false} />}

            {uploading && <ProgressBar thickness="large" aria-label={t('uploading')} />}
            {uploading && <Text>{t('uploading')}</Text>}

            {refusal && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{t('refusedTitle')}</MessageBarTitle>
                  {t(`refused.${refusal === 'conflict' ? 'not-found' : refusal}`)}
                </MessageBarBody>
              </MessageBar>
            )}
            {done && <UploadResult result={done} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!verdict?.accepted || uploading} onClick={upload}>
              {t('upload')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{done ? t('close') : t('cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
