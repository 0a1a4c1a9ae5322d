'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { Button } from '@fluentui/react-components';

/**
 * The validator, the drop zone and the result table load when the dialog is
 * first opened, not with the Devices page.
 */
const AddDevicesDialog = dynamic(() => import('./add-devices-dialog'), { ssr: false });

export function AddDevices({ customerId, customerName }: { customerId: string; customerName: string }) {
  const t = useTranslations('addDevices');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button appearance="primary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('open')}
      </Button>
      {open && <AddDevicesDialog customerId={customerId} customerName={customerName} onClose={() => setOpen(false)} />}
    </>
  );
}
