// Keyboard shortcuts on a thread, for readers who have JavaScript; without it the links
// they stand for work as they are. A link with data-shortcut="r" is followed when "r" is
// pressed outside a text field; a link to the reply box also puts the cursor in it.
(function () {
  var links = {};
  var found = document.querySelectorAll("a[data-shortcut]");
  for (var i = 0; i < found.length; i++) {
    links[found[i].getAttribute("data-shortcut")] = found[i];
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) {
      return;
    }
    var link = links[event.key];
    if (!link) { return; }
    event.preventDefault();
    var hash = link.hash;
    var box = hash ? document.querySelector(hash + " textarea") : null;
    if (box) {
      box.scrollIntoView({ block: "center" });
      box.focus();
    } else {
      link.click();
    }
  });
})();
