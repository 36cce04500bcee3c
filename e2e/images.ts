import sharp from 'sharp';

/** A phone-style JPEG: camera make and model, and the GPS position where it was taken. */
export async function jpegWithGps(width = 1600, height = 1000, color = '#446688'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 57/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '117/1 13/1 0/1' } })
    .toBuffer();
}

/** A photo-like JPEG: a sky-to-ground gradient with grain, which compresses about as a real photo
 * does (a flat colour would make any page-weight figure meaningless). */
export async function photoJpeg(width = 1600, height = 1000): Promise<Buffer> {
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="#6fa8dc"/><stop offset="0.55" stop-color="#f6e7c1"/><stop offset="1" stop-color="#38761d"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.3}" cy="${height * 0.65}" r="${height * 0.18}" fill="#cc4125"/></svg>`,
  );
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 18 } } })
    .png()
    .toBuffer();
  return sharp(gradient)
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}
