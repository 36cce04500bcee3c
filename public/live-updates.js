// A live story's updates, shown as they are posted without a reload (components/article/LiveCoverage.tsx).
// The one script a reader page may carry: it asks this site for the same page again, once a second
// while the tab is in view, and puts the page's new list of updates in place of the old. Each ask
// is a conditional request that the page cache answers "304 Not Modified" from memory until the
// story changes. The reader may pause it; a browser in data-saver mode starts paused; without
// script the page is complete as it was loaded, with a link to look again.
(() => {
  const section = document.querySelector('[data-live-coverage="open"]');
  const feed = section?.querySelector('[data-live-feed]');
  const controls = section?.querySelector('[data-live-controls]');
  if (!section || !feed || !controls) return;

  const EVERY_MS = 1000;
  let on = navigator.connection?.saveData !== true;
  let lastTag = null;
  let timer;

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'underline';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'mt-2 text-sm font-semibold';
  controls.append(' · ', toggle);
  controls.after(status);

  const label = () => {
    toggle.textContent = on ? 'Pause live updates' : 'Resume live updates';
  };

  const schedule = () => {
    if (on && timer === undefined && !document.hidden) timer = setTimeout(look, EVERY_MS);
  };

  const end = (message) => {
    on = false;
    controls.textContent = message;
    section.dataset.liveCoverage = 'ended';
  };

  const show = (html) => {
    const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-coverage]');
    const freshFeed = fresh?.querySelector('[data-live-feed]');
    if (!fresh || !freshFeed) return end('This story is no longer live.');
    if (freshFeed.innerHTML !== feed.innerHTML) {
      const known = new Set([...feed.querySelectorAll('li[id]')].map((item) => item.id));
      const added = [...freshFeed.querySelectorAll('li[id]')].filter((item) => !known.has(item.id)).length;
      feed.replaceChildren(...[...freshFeed.childNodes].map((node) => document.importNode(node, true)));
      if (added > 0) status.textContent = added === 1 ? 'One new update, at the top.' : `${added} new updates, at the top.`;
    }
    if (fresh.dataset.liveCoverage !== 'open') end('Live coverage has ended.');
  };

  async function look() {
    timer = undefined;
    if (!on) return;
    try {
      // Without cookies: the page is the same for everyone, and a member's session cookie would
      // make the server render it afresh for them every second instead of answering from its cache.
      const response = await fetch(location.pathname, { cache: 'no-cache', credentials: 'omit', headers: { accept: 'text/html' } });
      if (response.status === 404 || response.status === 410) return end('This story is no longer available.');
      const tag = response.headers.get('etag');
      if (response.ok && (tag === null || tag !== lastTag)) {
        lastTag = tag;
        show(await response.text());
      }
    } catch {
      // Offline for a moment: the next look will tell.
    }
    schedule();
  }

  toggle.addEventListener('click', () => {
    on = !on;
    label();
    status.textContent = on ? '' : 'Live updates paused.';
    clearTimeout(timer);
    timer = undefined;
    if (on) void look();
  });
  document.addEventListener('visibilitychange', schedule);
  label();
  schedule();
})();
