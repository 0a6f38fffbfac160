/** Choose a window to work at: staff see their own windows, a lead or admin sees every window. */
import { useApp } from '../context.js';

export function WindowPicker() {
  const { store, cmd } = useApp();
  const { t } = store;
  const states = new Map(store.snapshot.value?.windows.map((w) => [w.id, w]) ?? []);
  const list = store.allowedWindows.value;
  return (
    <section class="picker">
      <h2>{t('chooseWindow')}</h2>
      <p class="hint">{t('chooseWindowHint')}</p>
      <div class="grid">
        {list.map((w) => {
          const st = states.get(w.id);
          return (
            <button key={w.id} class="window-choice" onClick={() => void cmd.chooseWindow(w.id)}>
              {t('windowN', { n: w.number })}
              <small>{w.name}{w.reservationOnly ? ` · ${t('reservationOnly')}` : ''}{st ? ` · ${t(`windowStatus_${st.status}`)}` : ''}{st?.staffName ? ` · ${st.staffName}` : ''}</small>
            </button>
          );
        })}
      </div>
    </section>
  );
}
