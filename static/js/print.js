// Buttons marked data-print open the browser's print dialogue (no inline script under the CSP).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
