import sharp from 'sharp';

/** A phone-style JPEG: camera make and model, and the GPS position where it was taken. */
export async function jpegWithGps(width = 1600, height = 1000, color = '#446688'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 57/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '117/1 13/1 0/1' } })
    .toBuffer();
}
