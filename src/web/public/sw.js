// hipcheck's service worker: the runner's Today page works offline. The app's files are cached
// as they are fetched; a few read requests (who is signed in, today's plan, the recent logs)
// answer from the network and fall back to their last answer when offline. Writes are never
// cached: the page queues them itself and sends them when the connection is back.
const CACHE = "hipcheck-v1";
const OFFLINE_READS = [
  /^\/api\/session$/,
  /^\/api\/runners\/[^/]+\/today$/,
  /^\/api\/runners\/[^/]+\/logs$/,
  /^\/api\/programmes\/[^/]+\/next$/,
];

// The page and the files it names are kept at install: the first load happened before this ran.
async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch("/", { cache: "no-cache" });
  const html = await page.clone().text();
  await cache.put("/", page);
  const files = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(files);
}

self.addEventListener("install", (event) =>
  event.waitUntil(precache().then(() => self.skipWaiting())),
);
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  // Logging out clears what was kept for this device.
  if (event.data === "clear") event.waitUntil(caches.delete(CACHE));
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Only the app's page is kept as "/": a file opened from the API (a calendar link) is not.
  if (request.mode === "navigate" && !url.pathname.startsWith("/api/")) {
    event.respondWith(networkFirst(request, "/"));
    return;
  }
  if (
    url.pathname.startsWith("/assets/") ||
    url.pathname === "/manifest.webmanifest" ||
    url.pathname === "/icon.svg"
  ) {
    event.respondWith(caches.match(request).then((hit) => hit ?? networkFirst(request, request)));
    return;
  }
  // Reads keyed without their query (today's date changes it), so yesterday's answer still shows.
  if (OFFLINE_READS.some((pattern) => pattern.test(url.pathname)))
    event.respondWith(networkFirst(request, url.pathname));
});
