// An XSS corpus: each payload, if it ever ran, would call alert('xss') (or navigate to a
// javascript: URL that does). Built from the usual families — script elements, event handlers,
// javascript:/data:/vbscript: URLs, SVG and MathML, broken and nested markup, breaking out of
// attributes, titles and JSON-LD, template syntax — each written a few ways.
const SINK = "alert('xss')";

const bases = [
  `<script>${SINK}</script>`,
  `<img src=x onerror=${SINK}>`,
  `<img src="x" onerror="${SINK}"`,
  `<svg onload=${SINK}>`,
  `<svg><script>${SINK}</script></svg>`,
  `<svg><animate onbegin=${SINK} attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${SINK}>`,
  `<iframe src="javascript:${SINK}"></iframe>`,
  `<iframe srcdoc="<script>${SINK}</script>"></iframe>`,
  `<a href="javascript:${SINK}">click</a>`,
  `<body onload=${SINK}>`,
  `<details open ontoggle=${SINK}>`,
  `<input autofocus onfocus=${SINK}>`,
  `<marquee onstart=${SINK}>`,
  `<video><source onerror=${SINK}></video>`,
  `<audio src=x onerror=${SINK}>`,
  `<form action="javascript:${SINK}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${SINK}">`,
  `<base href="javascript:${SINK}//">`,
  `<object data="data:text/html,<script>${SINK}</script>"></object>`,
  `<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=">`,
  `"><script>${SINK}</script>`,
  `'><img src=x onerror=${SINK}>`,
  `</title><script>${SINK}</script>`,
  `</script><script>${SINK}</script>`,
  `</textarea><script>${SINK}</script>`,
  `<<script>${SINK};//<</script>`,
  `<scr<script>ipt>${SINK}</scr</script>ipt>`,
  `<div style="background:url(javascript:${SINK})">x</div>`,
  `<x onclick=${SINK}>click me`,
  `<img src=x:alert(alt) onerror=eval(src) alt=xss>`,
  `<noscript><p title="</noscript><img src=x onerror=${SINK}>">`,
  `<template><script>${SINK}</script></template>`,
  `{{constructor.constructor("${SINK}")()}}`,
  `\${${SINK}}`,
  `javascript:${SINK}`,
  `data:text/html,<script>${SINK}</script>`,
  `<a href="&#106;avascript:${SINK}">x</a>`,
];

const variants = (payload: string) => [payload, payload.toUpperCase().replace("ALERT('XSS')", SINK), `text before ${payload} text after`];

export const XSS_PAYLOADS: string[] = [...new Set(bases.flatMap(variants))];

/** Link targets a story's link could be given; none may survive as a working link. */
export const HOSTILE_HREFS = [
  `javascript:${SINK}`,
  `JaVaScRiPt:${SINK}`,
  ` javascript:${SINK}`,
  `java\tscript:${SINK}`,
  `&#106;avascript:${SINK}`,
  `data:text/html,<script>${SINK}</script>`,
  `data:image/svg+xml,<svg onload=${SINK}>`,
  `vbscript:msgbox('xss')`,
];
