// Type-ahead fields (issue 16): each <input data-typeahead="URL"> becomes a Tom Select field that
// asks URL?q=… for matches ({"results": [{"value", "text"}]}) and submits the chosen id (or ids,
// comma-separated, with data-typeahead-multiple). The filters' boxes hold the id chosen and show
// data-typeahead-label for it; the forms' boxes show the names chosen and list them, with their
// ids, in data-typeahead-options. Without JavaScript the input stays a text box the server reads
// as names or a date.
// templates/base.html loads this file (deferred) on every page with the addresses of Tom Select's
// files: they are fetched only on a page that has a type-ahead box.
(function () {
  "use strict";
  var script = document.currentScript;
  var inputs = document.querySelectorAll("input[data-typeahead]");
  if (!inputs.length) {
    return;
  }
  if (typeof TomSelect !== "undefined") {
    start();
    return;
  }
  if (!script || !script.dataset.tomSelect) {
    return;
  }
  [script.dataset.tomSelectCss, script.dataset.typeaheadCss].forEach(function (href) {
    if (href && !document.querySelector('link[href="' + href + '"]')) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      document.head.appendChild(link);
    }
  });
  var loader = document.createElement("script");
  loader.src = script.dataset.tomSelect;
  loader.onload = start;
  document.head.appendChild(loader);

  function start() {
    inputs.forEach(function (input) {
      if (input.tomselect) {
        return;
      }
      var url = input.dataset.typeahead;
      var multiple = input.dataset.typeaheadMultiple === "true";
      var options = [];
      if (input.dataset.typeaheadOptions !== undefined) {
        try {
          options = JSON.parse(input.dataset.typeaheadOptions);
        } catch (error) {
          options = [];
        }
      } else {
        var chosen = input.value.trim();
        var label = input.dataset.typeaheadLabel;
        if (chosen && label) {
          options.push({ value: chosen, text: label });
        }
      }
      // The box submits ids: anything typed without JavaScript is dropped, what was chosen kept.
      var items = options.map(function (option) {
        return String(option.value);
      });
      input.value = items.join(",");
      new TomSelect(input, {
        maxItems: multiple ? null : 1,
        create: false,
        delimiter: ",",
        valueField: "value",
        labelField: "text",
        searchField: ["text"],
        options: options,
        items: items,
        preload: "focus",
        loadThrottle: 250,
        placeholder: input.getAttribute("placeholder") || "",
        plugins: multiple ? ["remove_button"] : ["clear_button"],
        load: function (query, callback) {
          fetch(url + "?q=" + encodeURIComponent(query), {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
          })
            .then(function (response) {
              return response.ok ? response.json() : { results: [] };
            })
            .then(function (json) {
              callback(json.results);
            })
            .catch(function () {
              callback();
            });
        },
        render: {
          no_results: function () {
            return '<div class="no-results">No match: type part of a name or a date.</div>';
          },
        },
      });
    });
  }
})();
