// Approving minutes with amendments: choosing an item fills an empty "new wording" box with the
// wording as circulated, so the minute-taker edits it rather than retyping it (seed 003, item 1).
// Without JavaScript the circulated wording is still shown beside the form to copy from.
(function () {
  "use strict";
  function currentText(itemId) {
    var source = document.getElementById("current-text-" + itemId);
    return source ? source.content.textContent : "";
  }
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("select[name$='-agenda_item']")) {
      return;
    }
    var fieldset = select.closest("fieldset");
    var box = fieldset && fieldset.querySelector("textarea[name$='-new_text']");
    if (box && !box.value.trim() && select.value) {
      box.value = currentText(select.value);
    }
  });
})();
