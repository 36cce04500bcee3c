// One DOM for the server process, for parsing and writing HTML (happy-dom). Making a window builds a
// whole VM context, which cost more than the work done in it: @tiptap/html's generateHTML and
// generateJSON make one per call. Every use takes a detached element of its own, so nothing carries
// over from one document to the next, and no script, style or frame ever loads: it is only a parser.
import { Window } from 'happy-dom';

let serverWindow: Window | null = null;

export function serverDocument(): Document {
  serverWindow ??= new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  return serverWindow.document as unknown as Document;
}
