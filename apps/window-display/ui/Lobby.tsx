/** Lobby mode: a large TV, 1920×1080 landscape or portrait. */
import { CallFlash } from './CallFlash.js';
import { Header } from './Header.js';
import { Notices } from './Notices.js';
import { QueuePanel } from './QueuePanel.js';
import { RecentCalls } from './RecentCalls.js';
import { WindowsGrid } from './WindowsGrid.js';

export function Lobby() {
  return (
    <div class="lobby">
      <Header />
      <main class="lobby-main">
        <WindowsGrid />
        <div class="lobby-side">
          <RecentCalls />
          <QueuePanel />
        </div>
      </main>
      <Notices />
      <CallFlash />
    </div>
  );
}
