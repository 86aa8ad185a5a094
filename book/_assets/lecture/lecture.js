// Lecture kit: the solution of an exercise (sphinx-exercise, class "dropdown") has a title with a link to its exercise.
// sphinx-togglebutton makes the whole title a toggle, but a click on that link navigates away and its handler throws
// "button is not defined" (the link has no data-target). A click on the link now toggles the solution like a click on
// the rest of the title.
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var link = ev.target && ev.target.closest ? ev.target.closest(".admonition.toggle > .admonition-title a") : null;
    if (!link) return;
    var title = link.closest(".admonition-title");
    ev.preventDefault();
    ev.stopPropagation();
    title.click();
  }, true);
})();
