// Tell the server the browser's time zone, so that times show in local time. The name is
// percent-encoded ("America%2FToronto"); the server decodes it. Sent again when the zone
// changes (a person travelling), not on every page.
// Without JavaScript, times show in the profile's zone or the site's.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) { return; }
    var value = encodeURIComponent(zone);
    var current = ("; " + document.cookie).split("; tz=")[1];
    if (current === undefined || current.split(";")[0] !== value) {
      document.cookie = "tz=" + value + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* old browsers keep the site's zone */ }
})();
