/** Entry of /t/:id — the page a ticket's QR code opens on a citizen's phone. */
import { render } from 'preact';
import { StatusPage } from './StatusPage.js';
import './status.css';

const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const lang = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
render(<StatusPage ticketId={id} fetchFn={fetch.bind(globalThis)} initialLang={lang} />, document.getElementById('app')!);
