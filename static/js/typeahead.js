// Type-ahead fields (issue 16): each <input data-typeahead="URL"> becomes a Tom Select field that
// asks URL?q=… for matches ({"results": [{"value", "text"}]}) and submits the chosen id. The box
// holds the id of the person or meeting chosen; data-typeahead-label is what it shows for it.
// Without JavaScript the input stays a text box the server reads as a name or a date.
(function () {
  "use strict";
  if (typeof TomSelect === "undefined") {
    return;
  }
  document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
    var url = input.dataset.typeahead;
    var chosen = input.value.trim();
    var label = input.dataset.typeaheadLabel;
    var options = [];
    if (chosen && label) {
      options.push({ value: chosen, text: label });
    } else {
      input.value = ""; // text typed without JavaScript: start afresh
    }
    new TomSelect(input, {
      maxItems: 1,
      create: false,
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      options: options,
      items: options.length ? [chosen] : [],
      preload: "focus",
      loadThrottle: 250,
      placeholder: input.getAttribute("placeholder") || "",
      plugins: ["clear_button"],
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
})();
