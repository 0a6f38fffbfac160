/**
 * Composition root of the printable forms (/forms/, issue 19): 预约服务登记表, 网上/电话预约业务交办单
 * and 上岗表, chosen by the query string (?form=registration&booking=…, ?form=handover&date=&channel=,
 * ?form=duty&date=&department=). A console or admin tab's session is taken over (the same tab's
 * sessionStorage), so a link from either opens the form signed in; otherwise it asks for a sign-in.
 */
import { render } from 'preact';
import { borrowedSession } from '../kit/borrowed-session.js';
import { translator } from '../kit/i18n.js';
import { DICT, type MsgKey } from './i18n.js';
import { FormsApp, type Deps } from './ui/FormsApp.js';

const session = borrowedSession('forms');
const deps: Deps = { ...session, t: translator<MsgKey>(DICT, () => session.lang.value) };

render(<FormsApp {...deps} />, document.getElementById('app')!);
