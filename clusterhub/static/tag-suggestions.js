// Suggests the vocabulary's names while a member types tags (comma-separated) into a profile or post form.
// Progressive enhancement: without this script the field takes free tags just the same.
(function () {
  "use strict";
  var script = document.currentScript;
  var address = script && script.dataset.suggestions;
  if (!address || !window.fetch) {
    return;
  }

  function typedParts(input) {
    var parts = input.value.split(",");
    return { done: parts.slice(0, -1), last: parts[parts.length - 1].trim() };
  }

  function enhance(input, number) {
    var list = document.createElement("datalist");
    list.id = "tag-suggestions-" + number;
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var asked = "";
    input.addEventListener("input", function () {
      var parts = typedParts(input);
      if (parts.last.length < 2 || parts.last === asked) {
        return;
      }
      asked = parts.last;
      fetch(address + "?q=" + encodeURIComponent(parts.last), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (names) {
          // A datalist offers whole values: each keeps the tags typed before the last comma.
          var before = parts.done.map(function (part) { return part.trim(); }).filter(Boolean);
          list.replaceChildren.apply(list, names.map(function (name) {
            var option = document.createElement("option");
            option.value = before.concat([name]).join(", ");
            return option;
          }));
        })
        .catch(function () { /* no suggestions: the field still works */ });
    });
  }

  document.querySelectorAll("input[data-tags]").forEach(enhance);
})();
