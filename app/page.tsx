import { headerLine } from '@/lib/autopilot';

export default function HomePage() {
  return (
    <main style={{ maxWidth: '48rem', margin: '3rem auto', padding: '0 1.5rem' }}>
      <h1>Autopilot partner portal</h1>
      <p>Register your customers’ Windows devices for Windows Autopilot, with their consent.</p>
      <h2>Device lists</h2>
      <p>
        A device list is an ANSI .csv file whose first line is <code>{headerLine('partner')}</code> (or its first
        three columns), then one line per device, at most 500.
      </p>
      <p>
        <a href="/autopilot-devices-sample.csv" download>
          Download sample .csv
        </a>
      </p>
    </main>
  );
}
