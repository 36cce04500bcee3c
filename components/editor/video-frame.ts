// A video's poster taken from the video itself: the frame the reporter stopped at, drawn onto a
// canvas in their browser and uploaded as a JPEG like any photo (the server re-encodes it). Our
// uploads come from this site, so the canvas may be read. No server-side decoder is needed.

/** Resolves once the frame at the player's position can be drawn; a player that has loaded only
 * its metadata (preload="metadata") is sent to the same position, which makes it fetch the frame. */
function frameReady(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && !video.seeking) return Promise.resolve();
  return new Promise((resolve, reject) => {
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error('the video could not be read')), { once: true });
    if (!video.seeking) video.currentTime = video.currentTime;
  });
}

/** The frame the player shows, as a JPEG file named after its time ("frame-at-0m12s.jpg"). */
export async function currentFrameAsJpeg(video: HTMLVideoElement): Promise<File> {
  await frameReady(video);
  if (!video.videoWidth || !video.videoHeight) throw new Error('the video has no picture to take');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the frame');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  if (!jpeg) throw new Error('this browser cannot draw the frame');
  const seconds = Math.floor(video.currentTime);
  return new File([jpeg], `frame-at-${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s.jpg`, { type: 'image/jpeg' });
}
