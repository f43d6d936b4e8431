// "Has this been asked before?" while a question's title is typed, for people with
// JavaScript: posts and resources like it appear above the form (an HTML fragment from
// search_similar, filtered by what the asker may see). Without JavaScript the server shows
// them once, on the first submit. Once shown here, submitting publishes at once.
(function () {
  var form = document.querySelector("form[data-similar-form]");
  var box = document.getElementById("similar-live");
  if (!form || !box || !window.fetch) { return; }
  var title = form.querySelector("input[name=title]");
  if (!title) { return; }
  var url = box.getAttribute("data-similar-url");
  var timer = null;
  var last = "";

  function isQuestion() {
    var chosen = form.querySelector("input[name=kind]:checked");
    return !chosen || chosen.value === "question";
  }

  function seen() {
    if (form.querySelector("input[name=publish_anyway]")) { return; }
    var flag = document.createElement("input");
    flag.type = "hidden";
    flag.name = "publish_anyway";
    flag.value = "1";
    form.appendChild(flag);
  }

  function look() {
    var text = title.value.trim();
    if (!isQuestion() || text.length < 4) { box.innerHTML = ""; last = ""; return; }
    if (text === last) { return; }
    last = text;
    fetch(url + "?title=" + encodeURIComponent(text), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        if (text !== last) { return; }
        box.innerHTML = html;
        if (html.trim()) { seen(); }
      })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(look, 400);
  }

  title.addEventListener("input", later);
  form.addEventListener("change", function (event) {
    if (event.target && event.target.name === "kind") { last = ""; later(); }
  });
})();
