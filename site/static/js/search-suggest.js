/* As-you-type suggestions for search boxes with a data-suggest-url attribute.
   Progressive enhancement: without this script the form simply submits. ARIA combobox pattern:
   arrow keys move through the list, Enter opens the chosen title, Escape closes the list. */
(function () {
  "use strict";

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    var list = document.createElement("ul");
    var listId = input.id + "-suggestions";
    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;

    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
    }

    function show(suggestions) {
      list.textContent = "";
      items = suggestions.map(function (s, i) {
        var li = document.createElement("li");
        var type = document.createElement("span");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = s.title;  /* text, never HTML */
        type.className = "suggestions__type";
        type.textContent = s.type;
        li.appendChild(type);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = s.url; });
        list.appendChild(li);
        return li;
      });
      list._suggestions = suggestions;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { show(data.suggestions || []); })
        .catch(function () { /* suggestions are optional: ignore network errors and aborts */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list._suggestions[active].url;
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
