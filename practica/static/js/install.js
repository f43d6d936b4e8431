// Registers the service worker that shows an offline page when the network is gone
// (practica/core/installable.py). Progressive enhancement: the site works the same without
// it. The worker's address comes from this script tag's data-worker attribute.
(function () {
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) { return; }
  var url = script.getAttribute("data-worker");
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(url).catch(function () { /* no offline page, that is all */ });
  });
})();
