/** 修改密码: the signed-in admin's own password (the shared form of apps/kit/ui/OwnPassword.tsx). */
import { OwnPassword } from '../../kit/ui/OwnPassword.js';
import { useApp } from '../context.js';

export function AccountPage() {
  const { store, cmd } = useApp();
  return (
    <section class="page settings">
      <h2>{store.t('navPassword')}</h2>
      <div class="card narrow">
        <OwnPassword lang={store.lang.value} change={cmd.changeOwnPassword} onDone={(m) => store.say('info', m)} />
      </div>
    </section>
  );
}
