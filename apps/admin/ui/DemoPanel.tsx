/**
 * 演示设备 (demo only, issue 14): each kiosk's simulated ID card reader and QR scanner, triggered
 * from here, and the tickets its virtual printer printed, as the images the printer rendered. The
 * list is reloaded every few seconds while the page is open; an image is fetched once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DemoDevices } from '../../kit/client.js';
import { useApp } from '../context.js';
import { Field } from './Field.js';

const EVERY_MS = 3000;

function KioskCard({ name, reader, scanner }: DemoDevices['kiosks'][number]) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [idNumber, setIdNumber] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<string>) => {
    try { setError(null); store.say('info', await f()); } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };
  return (
    <div class="card" data-testid={`demo-${name}`}>
      <h3>{name}</h3>
      {reader && (
        <form class="row" onSubmit={(e) => { e.preventDefault(); void run(async () => { const r = await cmd.demoCard(name, idNumber.trim() || undefined); return t('demoCardPlaced', { kiosk: name, id: r.idNumber }); }); }}>
          <Field label={t('demoIdNumber')} name="idNumber" hint={t('demoCardHint')}><input name="idNumber" value={idNumber} onInput={(e) => setIdNumber(e.currentTarget.value)} /></Field>
          <button class="primary" type="submit">{t('demoCard')}</button>
        </form>
      )}
      {scanner && (
        <form class="row" onSubmit={(e) => { e.preventDefault(); void run(async () => { await cmd.demoScan(name, code.trim()); return t('demoScanned', { kiosk: name }); }); }}>
          <Field label={t('demoCode')} name="code" hint={t('demoScanHint')}><input name="code" value={code} onInput={(e) => setCode(e.currentTarget.value)} /></Field>
          <button class="primary" type="submit">{t('demoScan')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

export function DemoPage() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [devices, setDevices] = useState<DemoDevices | null>(null);
  const [images, setImages] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const load = () => cmd.demoDevices().then((d) => { if (live) setDevices(d); }, cmd.fail);
    void load();
    const timer = setInterval(() => void load(), EVERY_MS);
    return () => { live = false; clearInterval(timer); };
  }, []);
  useEffect(() => {
    for (const p of devices?.prints ?? []) {
      if (images[p.id]) continue;
      void cmd.demoPrint(p.id).then((r) => { if (r.png) setImages((m) => ({ ...m, [r.id]: r.png! })); }, () => undefined); // not rendered yet: the next load asks again
    }
  }, [devices]);
  return (
    <section class="page demo">
      <h2>{t('navDemo')}</h2>
      <p class="hint">{t('demoHint')}</p>
      <div class="settings-grid">{devices?.kiosks.map((k) => <KioskCard key={k.name} {...k} />)}</div>
      <h3>{t('demoPrints')}</h3>
      {devices && devices.prints.length === 0 && <p class="empty">{t('demoNoPrints')}</p>}
      <div class="prints" data-testid="demo-prints">
        {devices?.prints.map((p) => (
          <figure key={p.id} data-print={p.id}>
            {images[p.id] ? <img src={images[p.id]} alt={p.text} /> : <div class="rendering">{t('demoRendering')}</div>}
            <figcaption>{p.kiosk} · #{p.seq}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
