/* Practica's service worker: an offline page, and nothing else (practica/core/installable.py).
 *
 * It keeps the offline page and the few static files it needs. A page a person opens always
 * comes from the network; only when the network fails is the offline page shown instead.
 * Nothing a person reads, signed in or not, is ever stored here. */
"use strict";

const CONFIG = {{ config|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CONFIG.cache)
      .then((cache) => cache.addAll([
        // Without cookies: the stored copy is the page a visitor sees, naming no one.
        new Request(CONFIG.offline, { credentials: "omit" }),
        ...CONFIG.assets,
      ]))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("practica-") && name !== CONFIG.cache)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CONFIG.cache)
          .then((cache) => cache.match(CONFIG.offline, { ignoreVary: true }))
          .then((page) => page || Response.error())
      )
    );
    return;
  }
  if (CONFIG.assets.includes(url.pathname)) {
    event.respondWith(
      caches.open(CONFIG.cache)
        .then((cache) => cache.match(request, { ignoreVary: true }))
        .then((hit) => hit || fetch(request))
    );
  }
});
