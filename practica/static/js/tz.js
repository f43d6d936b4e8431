// Tell the server the browser's time zone once, so that times show in local time.
// Without JavaScript, times show in the profile's zone or the site's.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=") === -1) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* old browsers keep the site's zone */ }
})();
