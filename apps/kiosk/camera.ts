/**
 * Camera QR reading, loaded only when a kiosk has the camera enabled (jsQR is most of its weight).
 * Reads a few frames a second from getUserMedia into a small canvas and decodes them.
 */
import jsQR from 'jsqr';

export async function startCamera(video: HTMLVideoElement, onText: (text: string) => void, fps = 4): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: 640, height: 480 }, audio: false });
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas 2d context unavailable');
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || video.videoWidth === 0) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    ctx.drawImage(video, 0, 0);
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (code?.data) {
      stop();
      onText(code.data);
    }
  }, 1000 / fps);
  function stop() {
    stopped = true;
    clearInterval(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
  return stop;
}
