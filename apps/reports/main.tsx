/**
 * Composition root of the reports page (/reports/): leads and admins see the whole hall, staff their
 * own windows. A console or admin tab's session is taken over (the same tab's sessionStorage), so a
 * link from either opens the page signed in; otherwise it asks for a sign-in of its own.
 */
import { render } from 'preact';
import { borrowedSession } from '../kit/borrowed-session.js';
import { translator } from '../kit/i18n.js';
import { DICT, type MsgKey } from './i18n.js';
import { ReportsApp, type Deps } from './ui/ReportsApp.js';

const session = borrowedSession('reports');
const deps: Deps = { ...session, t: translator<MsgKey>(DICT, () => session.lang.value) };

render(<ReportsApp {...deps} />, document.getElementById('app')!);
