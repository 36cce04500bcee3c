export { uploadImage, MediaDetails, MAX_UPLOAD_BYTES, cleanFilename, type UploadedImage } from './upload.ts';
export { readMediaFile } from './serve.ts';
export { sniffImageType, sniffDocumentType } from './sniff.ts';
export { srcsetFor, mediaPath, VARIANT_WIDTHS } from './variants.ts';
export { uploadAudio, MAX_AUDIO_BYTES, type UploadedAudio } from './audio.ts';
export { uploadVideo, uploadCaptions, MAX_VIDEO_BYTES, type UploadedVideo, type UploadedCaptions } from './video.ts';
